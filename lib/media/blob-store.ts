import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { blobPath, tmpDir } from "./blob-layout";
import { scheduleMediaSweeps } from "./sweep";
import { mediaUsage } from "./usage";

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

export interface WriteCheck {
  /** The length the sender declared, claimed against the quota before a byte is read. */
  declaredBytes?: number;
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
  scheduleMediaSweeps();
  const claim = (await mediaUsage()).claim();
  const reader = source.getReader();
  try {
    if (check.declaredBytes) claim.ensure(check.declaredBytes);
  } catch (refusal) {
    await reader.cancel().catch(() => {});
    throw refusal;
  }
  await mkdir(tmpDir(), { recursive: true });
  const tmp = join(tmpDir(), randomUUID());
  const hash = createHash("sha256");
  const out = createWriteStream(tmp);
  let received = 0;
  try {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        received += value.byteLength;
        check.onChunk(value, received);
        claim.ensure(received);
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
    const known = await statBlob(sha256);
    await mkdir(dirname(path), { recursive: true });
    // Renaming over a blob already held replaces it with the same bytes and renews its use.
    await rename(tmp, path);
    await writeSidecar(sha256, mimeType);
    claim.settle(!known);
    return { sha256, bytes: received, mimeType, path };
  } catch (error) {
    claim.settle(false);
    out.destroy();
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Store bytes already in memory (generated images and speech). */
export async function putBytes(bytes: Uint8Array, mimeType: string): Promise<BlobInfo> {
  scheduleMediaSweeps();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const existing = await statBlob(sha256);
  if (existing) {
    await touchBlobs([sha256]);
    return existing;
  }
  const claim = (await mediaUsage()).claim();
  claim.ensure(bytes.byteLength);
  const path = blobPath(sha256);
  const tmp = `${path}.${randomUUID()}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, bytes);
    await rename(tmp, path);
    await writeSidecar(sha256, mimeType);
    claim.settle(true);
  } catch (error) {
    claim.settle(false);
    await rm(tmp, { force: true });
    throw error;
  }
  return { sha256, bytes: bytes.byteLength, mimeType, path };
}

/**
 * Mark blobs as used now, so the retention sweep keeps them; answers the hashes the store does
 * not hold (never stored, or already swept).
 */
export async function touchBlobs(sha256s: readonly string[]): Promise<string[]> {
  scheduleMediaSweeps();
  const now = new Date();
  const held = await Promise.all(
    sha256s.map((sha256) =>
      utimes(blobPath(sha256), now, now).then(
        () => true,
        () => false,
      ),
    ),
  );
  return sha256s.filter((_, i) => !held[i]);
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
