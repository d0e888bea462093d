/**
 * One real emulator server per test file, on an ephemeral port, and real SDK clients pointed at it.
 * Only `*.test.ts` files are collected, so this helper is not a test itself.
 */
import { type ApiError, GoogleGenAI } from "@google/genai";
import { afterAll, beforeAll, expect } from "vitest";
import type { EmulatorOptions, RequestLogEntry } from "@/lib/emulator";
import { encodePng } from "@/lib/emulator/media/png-writer";
import { type EmulatorServer, startEmulatorServer } from "@/lib/emulator/node-server";

export function setupEmulatorServer(options: EmulatorOptions = {}) {
  let server: EmulatorServer | undefined;
  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, ...options });
  });
  afterAll(async () => {
    await server?.close();
  });
  const current = () => {
    if (!server) throw new Error("emulator server not started");
    return server;
  };
  return {
    server: current,
    client: (apiVersion: "v1beta" | "v1" = "v1beta") =>
      new GoogleGenAI({ apiKey: "test-key", httpOptions: { baseUrl: current().url, apiVersion } }),
  };
}

/** Polls the log until the request has ended (the server notices a client leaving asynchronously). */
export async function waitForEnd(server: EmulatorServer, id: string, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entry = server.log.get(id);
    if (entry && entry.outcome !== "pending") return entry as RequestLogEntry;
    if (Date.now() > deadline) throw new Error(`request ${id} still pending after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The SDK's ApiError carries Google's JSON body as its message. */
export function errorBody(error: unknown): {
  error: { code: number; message: string; status: string; details?: Record<string, unknown>[] };
} {
  expect((error as Error).name).toBe("ApiError");
  return JSON.parse((error as ApiError).message);
}

export const user = (text: string) => [{ role: "user", parts: [{ text }] }];

/**
 * Reads an SDK stream to its end. After an abort, chunks already read off the wire may still
 * arrive on a slow machine; what matters is that the stream then fails instead of finishing.
 */
export async function readToEnd<T>(iterator: AsyncIterator<T>): Promise<number> {
  let count = 0;
  while (!(await iterator.next()).done) count += 1;
  return count;
}

/** `seconds` of a 440 Hz tone as a mono 16-bit WAV at `rate` samples a second. */
export function wavTone(seconds: number, rate = 24_000): Uint8Array {
  const samples = Math.round(seconds * rate);
  const out = new Uint8Array(44 + samples * 2);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode("RIFF"), 0);
  view.setUint32(4, out.length - 8, true);
  out.set(new TextEncoder().encode("WAVEfmt "), 8);
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  out.set(new TextEncoder().encode("data"), 36);
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) {
    view.setInt16(44 + i * 2, Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), true);
  }
  return out;
}

/** A PNG of a colour ramp; `step` changes the ramp, and so the file's hash. */
export function testPng(width: number, height: number, step = 13): Promise<Uint8Array> {
  const rgb = new Uint8Array(width * height * 3).map((_, i) => (i * step) % 256);
  return encodePng(width, height, rgb);
}
