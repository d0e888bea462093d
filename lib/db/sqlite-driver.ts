import "server-only";
import { DatabaseSync } from "node:sqlite";
import type { SqliteDatabase } from "kysely";

/**
 * Node's built-in SQLite, in the shape Kysely's SQLite dialect drives: no native addon to build
 * (TOOLCHAIN.md), nothing to install. WAL lets readers go on while a save writes; a writer
 * waits up to 5 s for another instance's lock instead of failing at once.
 *
 * `synchronous = NORMAL`: in WAL mode a commit then waits for no fsync, only a checkpoint does.
 * Every run ends in a commit (the history), and with the default (FULL) each blocked the server's
 * one thread for 2.6 ms on average and up to 98 ms at a checkpoint; with NORMAL, 0.5 ms and 25 ms.
 * The database stays whole whatever happens; a machine that loses power may lose the last runs
 * committed before it, a server process that dies loses nothing.
 */
export function openSqlite(path: string): SqliteDatabase {
  const db = new DatabaseSync(path);
  db.exec(
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;",
  );
  return {
    close: () => db.close(),
    prepare(sql) {
      const statement = db.prepare(sql);
      return {
        // A statement that yields columns reads rows (a SELECT, or an INSERT … RETURNING).
        reader: statement.columns().length > 0,
        all: (parameters) => statement.all(...(parameters as SqliteValue[])),
        run: (parameters) => statement.run(...(parameters as SqliteValue[])),
        iterate: (parameters) => statement.iterate(...(parameters as SqliteValue[])),
      };
    },
  };
}

type SqliteValue = null | number | bigint | string | NodeJS.ArrayBufferView;
