import "server-only";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { migrate } from "./migrate";
import type { Database } from "./schema";
import { openSqlite } from "./sqlite-driver";

export interface Store {
  db: Kysely<Database>;
  dialect: "sqlite" | "postgres";
  close(): Promise<void>;
}

export interface StoreConfig {
  /** `postgres://…`: a PostgreSQL server; undefined: SQLite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
}

const INT8_OID = 20;

/**
 * Opens the store and migrates it. PostgreSQL's int8 (our epoch-millisecond times) comes back
 * as a string by default; a number is exact up to 2^53, which is the year 287,396.
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  const dialect = config.databaseUrl ? "postgres" : "sqlite";
  const db = new Kysely<Database>({
    dialect: config.databaseUrl
      ? new PostgresDialect({
          pool: new pg.Pool({
            connectionString: config.databaseUrl,
            max: 10,
            // A server that does not answer fails the request in seconds, not never.
            connectionTimeoutMillis: 5_000,
            types: {
              getTypeParser: ((oid: number, format?: "text" | "binary") =>
                oid === INT8_OID
                  ? Number
                  : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
            },
          }),
        })
      : new SqliteDialect({ database: openSqlite(sqlitePath(config.dataDir)) }),
  });
  try {
    await migrate(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect, close: () => db.destroy() };
}

function sqlitePath(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  return join(dataDir, "playground.sqlite");
}
