import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * Media in the database. With PostgreSQL the blob store keeps files here, so app servers hold
 * nothing on their own disks: `blobs` names each file by its hash, `blob_chunks` holds its bytes
 * in pieces of 1 MiB (a row never holds a whole video, and a range read fetches only the pieces it
 * needs). Chunks are written under their upload's id before the hash is known; the file exists
 * once its `blobs` row does, so a cut upload leaves only chunks nobody names.
 *
 * `saved_media` names every file a saved prompt or a shared run holds, on either database: the
 * retention sweep never removes those.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? "bytea" : "blob";
  await db.schema
    .createTable("blobs")
    .addColumn("sha256", "text", (c) => c.primaryKey())
    .addColumn("mime_type", "text", (c) => c.notNull())
    .addColumn("bytes", "bigint", (c) => c.notNull())
    .addColumn("upload_id", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("last_used_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("blobs_last_used").on("blobs").column("last_used_at").execute();
  await db.schema
    .createTable("blob_chunks")
    .addColumn("upload_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("data", sql.raw(bytes), (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("blob_chunks_pk", ["upload_id", "seq"])
    .execute();
  await db.schema
    .createTable("saved_media")
    .addColumn("sha256", "text", (c) => c.primaryKey())
    .execute();
  await keepMediaAlreadySaved(db);
}

const MEDIA_HASH = /"sha256":"([0-9a-f]{64})"/g;

/** Revisions and snapshots saved before this migration name their files too. */
async function keepMediaAlreadySaved(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of [
    ["revisions", "document"],
    ["snapshots", "results"],
  ] as const) {
    const rows = await sql<{
      text: string;
    }>`select ${sql.ref(column)} as text from ${sql.table(table)} where ${sql.ref(column)} like ${'%"sha256":"%'}`.execute(
      db,
    );
    const hashes = new Set<string>();
    for (const row of rows.rows)
      for (const m of row.text.matchAll(MEDIA_HASH)) hashes.add(m[1] as string);
    for (const sha256 of hashes) {
      await sql`insert into saved_media (sha256) values (${sha256}) on conflict do nothing`.execute(
        db,
      );
    }
  }
}
