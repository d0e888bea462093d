/**
 * Where the blob store keeps bytes: files on this server's disk (the embedded default), or the
 * database (PostgreSQL, so app servers share every file and hold none of their own). The store
 * itself (lib/media/blob-store.ts) hashes, checks and counts against the quota; a backend only
 * keeps, finds and removes.
 */
export interface BlobMeta {
  sha256: string;
  bytes: number;
  mimeType: string;
}

/** One file being written: invisible until committed, gone without a trace when aborted. */
export interface BlobWrite {
  write(chunk: Uint8Array): Promise<void>;
  /** Publishes the bytes under their hash; answers whether the store did not hold them yet. */
  commit(sha256: string, mimeType: string): Promise<boolean>;
  abort(): Promise<void>;
}

export interface UnusedBlob {
  sha256: string;
  bytes: number;
}

export interface BlobBackend {
  begin(): Promise<BlobWrite>;
  stat(sha256: string): Promise<BlobMeta | undefined>;
  /** Marks blobs used now; answers the hashes it does not hold. */
  touch(sha256s: readonly string[]): Promise<string[]>;
  /** The bytes from `start` to `end` inclusive, or all of them. */
  open(sha256: string, range?: { start: number; end: number }): ReadableStream<Uint8Array>;
  read(sha256: string): Promise<Buffer>;
  totalBytes(): Promise<number>;
  /** Blobs last used before `before` (epoch ms). */
  unusedSince(before: number): AsyncIterable<UnusedBlob>;
  /** Removes a blob if it is still unused since `before`; answers the bytes freed (0: kept). */
  removeIfUnused(sha256: string, before: number): Promise<number>;
  /** Removes what writes cut off by a crash left, untouched since `before`; answers how many. */
  removeLeftovers(before: number): Promise<number>;
}
