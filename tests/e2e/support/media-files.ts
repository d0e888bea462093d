import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { encodeWav } from "@/lib/media/wav";

/** Test files built on the spot, with the facts the emulator should report about them. */
export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
  /** The first 12 hex characters of its sha256, as the emulator's answer quotes them. */
  hash12: string;
}

export function hash12(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 12);
}

const file = (name: string, mimeType: string, buffer: Buffer): TestFile => ({
  name,
  mimeType,
  buffer,
  hash12: hash12(buffer),
});

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real RGB PNG of the given size; `seed` changes the colours so each file hashes apart. */
export function pngFile(name: string, width: number, height: number, seed = 1): TestFile {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      rows.set([(x * seed) & 255, (y * 7 + seed) & 255, (x + y) & 255], row + 1 + x * 3);
    }
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return file(name, "image/png", png);
}

/** A mono 16 kHz WAV of a tone, `seconds` long. */
export function wavFile(name: string, seconds: number, frequency = 440): TestFile {
  const rate = 16_000;
  const samples = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < samples.length; i++)
    samples[i] = 0.4 * Math.sin((2 * Math.PI * frequency * i) / rate);
  return file(name, "audio/wav", Buffer.from(encodeWav(samples, rate)));
}

/** A spoken sentence from espeak-ng, for Chromium's fake microphone. Returns the WAV's path. */
export function speechWavPath(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "playground-speech-"));
  const path = join(dir, "speech.wav");
  execFileSync("espeak-ng", ["-w", path, text]);
  return path;
}

export function readTestFile(path: string, name: string, mimeType: string): TestFile {
  return file(name, mimeType, readFileSync(path));
}
