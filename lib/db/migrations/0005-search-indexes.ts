import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * On PostgreSQL, trigram indexes for the library's and the history's search (`LIKE '%word%'`):
 * a large history keeps each run on a page of its own, and reading every one of a person's
 * runs to find a word took 200–500 ms at 100,000 runs. The queries stay the same on both
 * databases; SQLite scans its compact file fast enough without (README, Performance).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create extension if not exists pg_trgm`.execute(db);
  // The history is searched one person at a time: with the author in the index, a common word
  // leads only to that person's runs, not to everyone's.
  await sql`create extension if not exists btree_gin`.execute(db);
  await sql`create index runs_search on runs using gin (author, search_text gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index prompts_search on prompts using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
}
