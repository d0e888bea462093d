import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import type { BlobBackend, BlobMeta, BlobWrite, UnusedBlob } from "./blob-backend";
import { blobPath, scanStore, tmpDir } from "./blob-layout";

/**
 * Blobs as files on this server's disk (lib/media/blob-layout.ts): bytes stream into a temporary
 * file that is renamed into place once hashed, so a half-written upload never becomes visible,
 * and a small JSON sidecar keeps the type the file was first stored as.
 */
export const diskBlobs: BlobBackend = {
  async begin(): Promise<BlobWrite> {
    await mkdir(tmpDir(), { recursive: true });
    const tmp = join(tmpDir(), randomUUID());
    const out = createWriteStream(tmp);
    return {
      async write(chunk) {
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", resolve));
      },
      async commit(sha256, mimeType) {
        out.end();
        await finished(out);
        const path = blobPath(sha256);
        const known = await diskBlobs.stat(sha256);
        await mkdir(dirname(path), { recursive: true });
        // Renaming over a blob already held replaces it with the same bytes and renews its use.
        await rename(tmp, path);
        await writeFile(`${path}.json`, JSON.stringify({ mimeType } satisfies Sidecar));
        return !known;
      },
      async abort() {
        out.destroy();
        await rm(tmp, { force: true });
      },
    };
  },

  async stat(sha256) {
    const path = blobPath(sha256);
    try {
      const [info, sidecar] = await Promise.all([stat(path), readSidecar(path)]);
      return { sha256, bytes: info.size, mimeType: sidecar.mimeType } satisfies BlobMeta;
    } catch {
      return undefined;
    }
  },

  async touch(sha256s) {
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
  },

  open(sha256, range) {
    return Readable.toWeb(createReadStream(blobPath(sha256), range)) as ReadableStream<Uint8Array>;
  },

  read(sha256) {
    return readFile(blobPath(sha256));
  },

  async totalBytes() {
    let total = 0;
    for await (const file of scanStore()) if (file.kind === "blob") total += file.bytes;
    return total;
  },

  async *unusedSince(before): AsyncGenerator<UnusedBlob> {
    for await (const file of scanStore()) {
      if (file.kind === "blob" && file.sha256 && file.lastUsedMs < before) {
        yield { sha256: file.sha256, bytes: file.bytes };
      }
    }
  },

  async removeIfUnused(sha256, before) {
    const path = blobPath(sha256);
    // Used since it was listed? Then it stays.
    const fresh = await stat(path).catch(() => undefined);
    if (!fresh || fresh.mtimeMs >= before) return 0;
    await rm(path, { force: true });
    await rm(`${path}.json`, { force: true });
    return fresh.size;
  },

  async removeLeftovers(before) {
    let removed = 0;
    for await (const file of scanStore()) {
      if (file.kind !== "leftover" || file.lastUsedMs >= before) continue;
      await rm(file.path, { force: true });
      removed++;
    }
    return removed;
  },
};

interface Sidecar {
  mimeType: string;
}

async function readSidecar(path: string): Promise<Sidecar> {
  try {
    return JSON.parse(await readFile(`${path}.json`, "utf8")) as Sidecar;
  } catch {
    return { mimeType: "application/octet-stream" };
  }
}
