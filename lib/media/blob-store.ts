import "server-only";
import { createHash } from "node:crypto";
import { blobBackend } from "./backend";
import type { BlobBackend, BlobMeta } from "./blob-backend";
import { scheduleMediaSweeps } from "./sweep";
import { mediaUsage } from "./usage";

/**
 * Content-addressed storage for attachments and generated media, by sha256. Bytes stream through
 * a hash into the backend and are published under it once whole, so a file costs a few chunks of
 * memory however large it is, and a half-written upload never becomes visible. Where the bytes
 * live is lib/media/backend.ts's choice.
 */
export type BlobInfo = BlobMeta;

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
  const hash = createHash("sha256");
  let received = 0;
  let write: Awaited<ReturnType<BlobBackend["begin"]>> | undefined;
  try {
    write = await blobBackend().begin();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        received += value.byteLength;
        check.onChunk(value, received);
        claim.ensure(received);
        hash.update(value);
        await write.write(value);
      }
    } catch (error) {
      await reader.cancel().catch(() => {});
      throw error;
    }
    check.onEnd?.(received);
    const sha256 = hash.digest("hex");
    claim.settle(await write.commit(sha256, mimeType));
    return { sha256, bytes: received, mimeType };
  } catch (error) {
    claim.settle(false);
    await write?.abort().catch(() => {});
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
  let write: Awaited<ReturnType<BlobBackend["begin"]>> | undefined;
  try {
    write = await blobBackend().begin();
    await write.write(bytes);
    claim.settle(await write.commit(sha256, mimeType));
  } catch (error) {
    claim.settle(false);
    await write?.abort().catch(() => {});
    throw error;
  }
  return { sha256, bytes: bytes.byteLength, mimeType };
}

/**
 * Mark blobs as used now, so the retention sweep keeps them; answers the hashes the store does
 * not hold (never stored, or already swept).
 */
export function touchBlobs(sha256s: readonly string[]): Promise<string[]> {
  scheduleMediaSweeps();
  return blobBackend().touch(sha256s);
}

export function statBlob(sha256: string): Promise<BlobInfo | undefined> {
  return blobBackend().stat(sha256);
}

export function readBlob(sha256: string): Promise<Buffer> {
  return blobBackend().read(sha256);
}

/** A blob's bytes, from `start` to `end` inclusive when a range is given. */
export function openBlob(
  sha256: string,
  range?: { start: number; end: number },
): ReadableStream<Uint8Array> {
  return blobBackend().open(sha256, range);
}
