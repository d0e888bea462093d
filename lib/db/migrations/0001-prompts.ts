import type { Kysely } from "kysely";

/** Saved prompts and their immutable revisions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("prompts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("tags", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("team_editable", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("forked_from", "text")
    .addColumn("forked_from_revision", "integer")
    .addColumn("latest_revision", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("deleted_at", "bigint")
    .addColumn("search_text", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("prompts_updated").on("prompts").column("updated_at").execute();
  await db.schema
    .createTable("revisions")
    .addColumn("prompt_id", "text", (c) => c.notNull().references("prompts.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("document", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("revisions_pk", ["prompt_id", "number"])
    .execute();
}
