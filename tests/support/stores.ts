import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@/lib/db/database";
import type { TestPostgres } from "./postgres";

/**
 * A fresh, empty store of each kind the server runs on: SQLite in a new folder, or a new database
 * on the test's PostgreSQL server (`postgres()` is read when a store is opened, after `beforeAll`
 * started the server). For `describe.each(Object.entries(storeKinds(…)))`.
 */
export function storeKinds(postgres: () => TestPostgres, prefix: string) {
  let databases = 0;
  const dataDir = () => mkdtempSync(join(tmpdir(), `${prefix}-`));
  return {
    sqlite: () => openStore({ databaseUrl: undefined, dataDir: dataDir() }),
    postgres: async () =>
      openStore({
        databaseUrl: await postgres().createDatabase(`${prefix}_${++databases}`),
        dataDir: dataDir(),
      }),
  };
}
