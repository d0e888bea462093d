import type { Kysely } from "kysely";

/**
 * Runs that go on without the page (the Interactions API's `background` runs). The job is a row,
 * not a promise in one server's memory: whichever server holds its lease follows the interaction
 * and writes what it read, with the stream's last event id, so after a restart any server picks it
 * up where it was. `background_events` holds the run's events as the page folds them, in order, so
 * a page that comes back replays them and then follows what is new.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("background_runs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("interaction_id", "text", (c) => c.notNull())
    .addColumn("model", "text", (c) => c.notNull())
    .addColumn("document", "text", (c) => c.notNull())
    // running, then done, error or stopped (the run's own statuses).
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    // Where the follower is in the interaction's stream, and what its reader held there.
    .addColumn("last_event_id", "text")
    .addColumn("reader_state", "text")
    .addColumn("next_seq", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "bigint", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("background_runs_status")
    .on("background_runs")
    .columns(["status", "lease_until"])
    .execute();
  await db.schema
    .createIndex("background_runs_author")
    .on("background_runs")
    .columns(["author", "created_at"])
    .execute();
  await db.schema
    .createTable("background_events")
    .addColumn("run_id", "text", (c) => c.notNull().references("background_runs.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("event", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("background_events_pk", ["run_id", "seq"])
    .execute();
}
