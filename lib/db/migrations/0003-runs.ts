import type { Kysely } from "kysely";

/**
 * Every run a person makes: what the history lists and searches in `runs`, the prompt sent and
 * what came back in `run_bodies`. Apart, a person's runs stay a few to a page when the history
 * is searched; together, each run's documents put it on a page of its own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("runs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    // The UTC day it started on, YYYY-MM-DD: what Usage sums by, with no date function that
    // differs between the databases.
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("duration_ms", "bigint", (c) => c.notNull())
    .addColumn("model", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("input_tokens", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("output_tokens", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("thinking_tokens", "integer", (c) => c.notNull().defaultTo(0))
    // At list prices when the run ended; null for a model without a known price.
    .addColumn("cost_usd", "double precision")
    .addColumn("prompt_excerpt", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("answer_excerpt", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("search_text", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .createTable("run_bodies")
    .addColumn("run_id", "text", (c) => c.primaryKey().references("runs.id"))
    .addColumn("document", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("runs_created").on("runs").column("created_at").execute();
  await db.schema.createIndex("runs_day").on("runs").column("day").execute();
  await db.schema
    .createIndex("runs_author_created")
    .on("runs")
    .columns(["author", "created_at"])
    .execute();
}
