/**
 * One real emulator server per test file, on an ephemeral port, and real SDK clients pointed at it.
 * Only `*.test.ts` files are collected, so this helper is not a test itself.
 */
import { type ApiError, GoogleGenAI } from "@google/genai";
import { afterAll, beforeAll, expect } from "vitest";
import type { EmulatorOptions, RequestLogEntry } from "@/lib/emulator";
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
