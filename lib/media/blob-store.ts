import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { serverEnv } from "@/lib/env";

/**
 * Content-addressed file storage for attachments and generated media: `<dir>/<aa>/<sha256>`,
 * with a small JSON sidecar for the type the file was first stored as. Bytes stream through a
 * hash into a temporary file and are renamed into place, so a file costs a few chunks of memory
 * however large it is, and a half-written upload never becomes visible.
 *
 * The blob store sits behind these four functions so the database-backed store of the team
 * library can replace the directory without touching callers.
 */
export interface BlobInfo {
  sha256: string;
  bytes: number;
  mimeType: string;
  path: string;
}

interface Sidecar {
  mimeType: string;
}

function root(): string {
  return join(serverEnv().dataDir, "media");
}

function blobPath(sha256: string): string {
  return join(root(), sha256.slice(0, 2), sha256);
}

export interface WriteCheck {
  /** Called with every chunk before it is written; throw to refuse the file. */
  onChunk(chunk: Uint8Array, received: number): void;
  /** Called once the whole file arrived, before it is kept; throw to refuse it. */
  onEnd?(received: number): void;
}

/** Stream bytes into the store. A refused or broken stream leaves nothing behind. */
export async function putBlob(
  source: ReadableStream<Uint8Array>,
  mimeType: string,
  check: WriteCheck,
): Promise<BlobInfo> {
  const tmpDir = join(root(), "tmp");
  await mkdir(tmpDir, { recursive: true });
  const tmp = join(tmpDir, randomUUID());
  const hash = createHash("sha256");
  const out = createWriteStream(tmp);
  let received = 0;
  try {
    const reader = source.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        received += value.byteLength;
        check.onChunk(value, received);
        hash.update(value);
        if (!out.write(value))
          await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      }
    } catch (error) {
      await reader.cancel().catch(() => {});
      throw error;
    }
    check.onEnd?.(received);
    out.end();
    await finished(out);
    const sha256 = hash.digest("hex");
    const path = blobPath(sha256);
    await mkdir(join(root(), sha256.slice(0, 2)), { recursive: true });
    await rename(tmp, path);
    await writeSidecar(sha256, mimeType);
    return { sha256, bytes: received, mimeType, path };
  } catch (error) {
    out.destroy();
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Store bytes already in memory (generated images and speech). */
export async function putBytes(bytes: Uint8Array, mimeType: string): Promise<BlobInfo> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const existing = await statBlob(sha256);
  if (existing) return existing;
  await mkdir(join(root(), sha256.slice(0, 2)), { recursive: true });
  const tmp = join(root(), sha256.slice(0, 2), `${sha256}.${randomUUID()}.tmp`);
  await writeFile(tmp, bytes);
  await rename(tmp, blobPath(sha256));
  await writeSidecar(sha256, mimeType);
  return { sha256, bytes: bytes.byteLength, mimeType, path: blobPath(sha256) };
}

export async function statBlob(sha256: string): Promise<BlobInfo | undefined> {
  const path = blobPath(sha256);
  try {
    const [info, sidecar] = await Promise.all([stat(path), readSidecar(sha256)]);
    return { sha256, bytes: info.size, mimeType: sidecar.mimeType, path };
  } catch {
    return undefined;
  }
}

export async function readBlob(sha256: string): Promise<Buffer> {
  return readFile(blobPath(sha256));
}

export function openBlob(path: string, range?: { start: number; end: number }): ReadableStream {
  return Readable.toWeb(createReadStream(path, range)) as ReadableStream;
}

async function writeSidecar(sha256: string, mimeType: string): Promise<void> {
  const sidecar: Sidecar = { mimeType };
  await writeFile(`${blobPath(sha256)}.json`, JSON.stringify(sidecar));
}

async function readSidecar(sha256: string): Promise<Sidecar> {
  try {
    return JSON.parse(await readFile(`${blobPath(sha256)}.json`, "utf8")) as Sidecar;
  } catch {
    return { mimeType: "application/octet-stream" };
  }
}
