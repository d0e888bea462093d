import "server-only";
import type { Kysely } from "kysely";
import { type Migration, type MigrationProvider, Migrator } from "kysely/migration";
import * as prompts from "./migrations/0001-prompts";
import * as promptModels from "./migrations/0002-prompt-models";
import * as runs from "./migrations/0003-runs";
import * as snapshots from "./migrations/0004-snapshots";
import * as searchIndexes from "./migrations/0005-search-indexes";
import * as media from "./migrations/0006-media";
import * as backgroundRuns from "./migrations/0007-background-runs";
import * as interactionChain from "./migrations/0008-interaction-chain";

/** Every migration, in order: one set for both databases. Never edit one that has shipped. */
const MIGRATIONS: Record<string, Migration> = {
  "0001-prompts": prompts,
  "0002-prompt-models": promptModels,
  "0003-runs": runs,
  "0004-snapshots": snapshots,
  "0005-search-indexes": searchIndexes,
  "0006-media": media,
  "0007-background-runs": backgroundRuns,
  "0008-interaction-chain": interactionChain,
};

export const MIGRATION_NAMES = Object.keys(MIGRATIONS);

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Brings the schema up to date. Kysely's migrator takes a lock first (an advisory lock in
 * PostgreSQL), so instances starting at once apply each migration exactly once.
 */
export async function migrate(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "a migration";
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The database could not be brought up to date (${failed}): ${reason}`);
  }
}
