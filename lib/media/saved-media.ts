import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { store } from "@/lib/db/store";

const MEDIA_HASH = /"sha256":"([0-9a-f]{64})"/g;

/** The files a saved document names: every media part carries its blob's hash. */
export function mediaNamedIn(json: string): string[] {
  return [...new Set(Array.from(json.matchAll(MEDIA_HASH), (match) => match[1] as string))];
}

/**
 * Records the files a saved revision or a shared run holds, in the transaction that saves it:
 * the retention sweep removes files nobody has used for a while, and a prompt in the library
 * must open with its images however long nobody opened it.
 */
export async function keepSavedMedia(db: Kysely<Database>, json: string): Promise<void> {
  const hashes = mediaNamedIn(json);
  if (hashes.length === 0) return;
  await db
    .insertInto("saved_media")
    .values(hashes.map((sha256) => ({ sha256 })))
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
}

/** Whether something saved holds this file. */
export async function isSavedMedia(sha256: string): Promise<boolean> {
  const { db } = await store();
  const row = await db
    .selectFrom("saved_media")
    .select("sha256")
    .where("sha256", "=", sha256)
    .executeTakeFirst();
  return row !== undefined;
}
