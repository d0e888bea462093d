import "server-only";
import { store } from "@/lib/db/store";
import { serverEnv } from "@/lib/env";
import type { BlobBackend } from "./blob-backend";
import { databaseBlobs } from "./database-blobs";
import { diskBlobs } from "./disk-blobs";

let chosen: BlobBackend | undefined;

/**
 * Where this server keeps blobs: the database when it uses PostgreSQL, so app servers share every
 * file and keep none of their own; files in the data folder otherwise, where SQLite would only
 * grow one large file with every video attached.
 */
export function blobBackend(): BlobBackend {
  chosen ??= serverEnv().databaseUrl ? databaseBlobs(async () => (await store()).db) : diskBlobs;
  return chosen;
}
