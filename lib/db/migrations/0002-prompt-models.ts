import type { Kysely } from "kysely";

/**
 * The models a saved prompt runs on (one, or each compare column's), space-padded
 * (` gemini-2.5-flash gemini-2.5-pro `) so the library filters by model with one LIKE on
 * either database; and an index for the author filter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("prompts")
    .addColumn("models", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("prompts_author").on("prompts").column("author").execute();
}
