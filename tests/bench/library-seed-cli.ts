/**
 * `tsx --conditions=react-server tests/bench/library-seed-cli.ts <dataDir> [databaseUrl]`: seeds
 * the store as the server opens it and prints the prompt ids as JSON. A process of its own: the
 * store's modules are server-only, which the react-server condition allows and the benchmark's
 * own process (a browser driver) does not take.
 */
import { openStore } from "@/lib/db/database";
import { seedLibrary } from "./library-seed";

const [dataDir, databaseUrl] = process.argv.slice(2);
if (!dataDir) throw new Error("usage: library-seed-cli.ts <dataDir> [databaseUrl]");
const store = await openStore({ dataDir, databaseUrl: databaseUrl || undefined });
try {
  process.stdout.write(JSON.stringify(await seedLibrary(store)));
} finally {
  await store.close();
}
