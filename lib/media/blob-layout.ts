import "server-only";
import { opendir, stat } from "node:fs/promises";
import { join } from "node:path";
import { serverEnv } from "@/lib/env";

/**
 * Where the media store keeps its files on disk: `<data>/media/<aa>/<sha256>` with a
 * `<sha256>.json` sidecar, uploads in progress under `<data>/media/tmp/`. A blob's modification
 * time is when it was last used (stored, served, sent to Gemini, kept by a page that holds it),
 * which is what the retention sweep reads.
 */
export function mediaRoot(): string {
  return join(serverEnv().dataDir, "media");
}

export function blobPath(sha256: string): string {
  return join(mediaRoot(), sha256.slice(0, 2), sha256);
}

export function tmpDir(): string {
  return join(mediaRoot(), "tmp");
}

const SHA256 = /^[0-9a-f]{64}$/;
const SHARD = /^[0-9a-f]{2}$/;

export interface StoredFile {
  /** A blob, or a half-written file a crash or a cut write left behind. */
  kind: "blob" | "leftover";
  path: string;
  /** The blob's hash; undefined for leftovers. */
  sha256?: string;
  bytes: number;
  lastUsedMs: number;
}

/**
 * Every blob and leftover in the store, one directory entry at a time (the store may hold
 * hundreds of thousands of files). Sidecars are not listed: they go with their blob. A file that
 * vanishes while being listed (swept, or renamed into place) is skipped.
 */
export async function* scanStore(): AsyncGenerator<StoredFile> {
  const root = mediaRoot();
  let shards: Awaited<ReturnType<typeof opendir>>;
  try {
    shards = await opendir(root);
  } catch {
    return;
  }
  for await (const shard of shards) {
    if (!shard.isDirectory()) continue;
    const folder = join(root, shard.name);
    const isTmp = shard.name === "tmp";
    if (!isTmp && !SHARD.test(shard.name)) continue;
    for await (const entry of await opendir(folder)) {
      if (!entry.isFile() || entry.name.endsWith(".json")) continue;
      const path = join(folder, entry.name);
      const blob = !isTmp && SHA256.test(entry.name);
      const info = await stat(path).catch(() => undefined);
      if (!info) continue;
      yield {
        kind: blob ? "blob" : "leftover",
        path,
        sha256: blob ? entry.name : undefined,
        bytes: info.size,
        lastUsedMs: info.mtimeMs,
      };
    }
  }
}
