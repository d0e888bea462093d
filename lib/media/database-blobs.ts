import "server-only";
import type { Kysely } from "kysely";
import { newId } from "@/lib/db/ids";
import type { Database } from "@/lib/db/schema";
import type { BlobBackend, BlobWrite, UnusedBlob } from "./blob-backend";

/** The size of a stored piece: a range read fetches only the pieces it covers. */
export const CHUNK_BYTES = 1024 * 1024;
/** A blob used a moment ago is not marked used again: no write for every thumbnail shown. */
const TOUCH_AFTER_MS = 60_000;
/** Hashes per statement, well inside both databases' limits on parameters. */
const BATCH = 500;

/**
 * Blobs in the database (migration 0006): a `blobs` row per file, its bytes in `blob_chunks`.
 * Chunks are written as they arrive under a fresh upload id, and the file appears when its
 * `blobs` row is inserted, in one statement: two servers storing the same file at once both
 * succeed, and one set of chunks is kept.
 */
export function databaseBlobs(database: () => Promise<Kysely<Database>>): BlobBackend {
  return {
    async begin(): Promise<BlobWrite> {
      const db = await database();
      const uploadId = newId();
      const pending = Buffer.allocUnsafe(CHUNK_BYTES);
      let filled = 0;
      let seq = 0;
      let written = 0;
      const flush = async () => {
        if (filled === 0) return;
        const data = pending.subarray(0, filled);
        await db
          .insertInto("blob_chunks")
          .values({ upload_id: uploadId, seq, data, created_at: Date.now() })
          .execute();
        seq++;
        filled = 0;
      };
      return {
        async write(chunk) {
          written += chunk.byteLength;
          let offset = 0;
          while (offset < chunk.byteLength) {
            const take = Math.min(CHUNK_BYTES - filled, chunk.byteLength - offset);
            pending.set(chunk.subarray(offset, offset + take), filled);
            filled += take;
            offset += take;
            if (filled === CHUNK_BYTES) await flush();
          }
        },
        async commit(sha256, mimeType) {
          await flush();
          const now = Date.now();
          const added = await db
            .insertInto("blobs")
            .values({
              sha256,
              mime_type: mimeType,
              bytes: written,
              upload_id: uploadId,
              created_at: now,
              last_used_at: now,
            })
            .onConflict((oc) => oc.column("sha256").doNothing())
            .returning("sha256")
            .executeTakeFirst();
          if (added) return true;
          await db.deleteFrom("blob_chunks").where("upload_id", "=", uploadId).execute();
          await db
            .updateTable("blobs")
            .set({ last_used_at: now })
            .where("sha256", "=", sha256)
            .execute();
          return false;
        },
        async abort() {
          await db.deleteFrom("blob_chunks").where("upload_id", "=", uploadId).execute();
        },
      };
    },

    async stat(sha256) {
      const db = await database();
      const row = await db
        .selectFrom("blobs")
        .select(["bytes", "mime_type"])
        .where("sha256", "=", sha256)
        .executeTakeFirst();
      return row && { sha256, bytes: row.bytes, mimeType: row.mime_type };
    },

    async touch(sha256s) {
      const db = await database();
      const now = Date.now();
      const held = new Set<string>();
      for (let i = 0; i < sha256s.length; i += BATCH) {
        const batch = sha256s.slice(i, i + BATCH);
        await db
          .updateTable("blobs")
          .set({ last_used_at: now })
          .where("sha256", "in", batch)
          .where("last_used_at", "<", now - TOUCH_AFTER_MS)
          .execute();
        const rows = await db
          .selectFrom("blobs")
          .select("sha256")
          .where("sha256", "in", batch)
          .execute();
        for (const row of rows) held.add(row.sha256);
      }
      return sha256s.filter((sha256) => !held.has(sha256));
    },

    open(sha256, range) {
      let uploadId: string | undefined;
      let next = 0;
      let last = -1;
      let start = 0;
      let end = 0;
      return new ReadableStream<Uint8Array>({
        async start() {
          const db = await database();
          const row = await db
            .selectFrom("blobs")
            .select(["upload_id", "bytes"])
            .where("sha256", "=", sha256)
            .executeTakeFirst();
          if (!row) throw new Error(`No stored file has the hash ${sha256}.`);
          uploadId = row.upload_id;
          start = range?.start ?? 0;
          end = range?.end ?? row.bytes - 1;
          next = Math.floor(start / CHUNK_BYTES);
          last = Math.floor(end / CHUNK_BYTES);
        },
        async pull(controller) {
          if (!uploadId || next > last) {
            controller.close();
            return;
          }
          const seq = next++;
          const db = await database();
          const row = await db
            .selectFrom("blob_chunks")
            .select("data")
            .where("upload_id", "=", uploadId)
            .where("seq", "=", seq)
            .executeTakeFirstOrThrow();
          const offset = seq * CHUNK_BYTES;
          const from = Math.max(0, start - offset);
          const to = Math.min(row.data.byteLength, end - offset + 1);
          controller.enqueue(row.data.subarray(from, to));
        },
      });
    },

    async read(sha256) {
      const db = await database();
      const rows = await db
        .selectFrom("blob_chunks")
        .innerJoin("blobs", "blobs.upload_id", "blob_chunks.upload_id")
        .select("blob_chunks.data")
        .where("blobs.sha256", "=", sha256)
        .orderBy("blob_chunks.seq")
        .execute();
      return Buffer.concat(rows.map((row) => row.data));
    },

    async totalBytes() {
      const db = await database();
      const row = await db
        .selectFrom("blobs")
        .select((eb) => eb.fn.sum<number | string | null>("bytes").as("total"))
        .executeTakeFirst();
      return Number(row?.total ?? 0);
    },

    async *unusedSince(before): AsyncGenerator<UnusedBlob> {
      const db = await database();
      const rows = await db
        .selectFrom("blobs")
        .select(["sha256", "bytes"])
        .where("last_used_at", "<", before)
        .execute();
      yield* rows;
    },

    async removeIfUnused(sha256, before) {
      const db = await database();
      return db.transaction().execute(async (tx) => {
        const removed = await tx
          .deleteFrom("blobs")
          .where("sha256", "=", sha256)
          .where("last_used_at", "<", before)
          .returning(["upload_id", "bytes"])
          .executeTakeFirst();
        if (!removed) return 0;
        await tx.deleteFrom("blob_chunks").where("upload_id", "=", removed.upload_id).execute();
        return removed.bytes;
      });
    },

    async removeLeftovers(before) {
      const db = await database();
      // An upload's chunks that no file names, none written since `before`: a write cut off.
      const cut = await db
        .selectFrom("blob_chunks")
        .select("upload_id")
        .where("upload_id", "not in", (eb) => eb.selectFrom("blobs").select("upload_id"))
        .groupBy("upload_id")
        .having((eb) => eb.fn.max("created_at"), "<", before)
        .execute();
      for (let i = 0; i < cut.length; i += BATCH) {
        const batch = cut.slice(i, i + BATCH).map((row) => row.upload_id);
        await db.deleteFrom("blob_chunks").where("upload_id", "in", batch).execute();
      }
      return cut.length;
    },
  };
}
