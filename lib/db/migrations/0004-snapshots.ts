import type { Kysely } from "kysely";

/** What a run of a saved revision produced, kept so a teammate sees it without running it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("snapshots")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("prompt_id", "text", (c) => c.notNull().references("prompts.id"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("results", "text", (c) => c.notNull())
    .execute();
}
