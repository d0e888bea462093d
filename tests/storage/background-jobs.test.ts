import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimJobs, createJob, writeProgress } from "@/lib/background/server/jobs";
import type { Store } from "@/lib/db/database";
import { startPostgres, type TestPostgres } from "@/tests/support/postgres";
import { storeKinds } from "@/tests/support/stores";

/**
 * Background runs as jobs in the database, on SQLite and on a real PostgreSQL server: servers
 * claiming at once never take the same run, a lease is taken over only once it lapsed, and a
 * server that lost its lease writes nothing more.
 */
let postgres: TestPostgres;

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.stop());

const kinds = storeKinds(() => postgres, "background");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(Object.entries(kinds))("background runs on %s", (_dialect, open) => {
  let db: Store;
  const from = async () => db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db?.close());

  const job = (id: string, owner: string, leaseMs: number) =>
    createJob(
      {
        id,
        author: "Ada",
        interactionId: `interaction-${id}`,
        model: "gemini-2.5-flash",
        document: "{}",
        events: [{ type: "meta", data: { requestId: id, model: "m", simulated: true } }],
        owner,
        leaseMs,
      },
      from,
    );

  it("gives each lapsed run to one server, however many claim at once", async () => {
    for (let i = 0; i < 12; i++) await job(`lapsed-run-${i}-aaaaaaaa`, "gone", -1);
    const servers = ["one", "two", "three", "four"];
    const claims = await Promise.all(servers.map((owner) => claimJobs(owner, 60_000, 5, from)));
    const ids = claims.flat().map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(12);
    for (const [i, rows] of claims.entries()) {
      for (const row of rows) expect(row.lease_owner).toBe(servers[i]);
    }
    // Held now: nobody else takes them.
    expect(await claimJobs("five", 60_000, 20, from)).toEqual([]);
  });

  it("takes a run over only once its lease lapsed, and the old holder then writes nothing", async () => {
    const id = "held-run-bbbbbbbbbbbb";
    await job(id, "first", 300);
    expect((await claimJobs("second", 60_000, 20, from)).map((r) => r.id)).not.toContain(id);
    await sleep(350);
    const taken = await claimJobs("second", 60_000, 20, from);
    expect(taken.map((r) => r.id)).toContain(id);
    const progress = {
      fromSeq: 1,
      events: [{ type: "done" as const, data: {} }],
      lastEventId: "e1",
      readerState: null,
      leaseMs: 60_000,
    };
    expect(await writeProgress(id, "first", progress, from)).toBe(false);
    expect(await writeProgress(id, "second", progress, from)).toBe(true);
    // Written once: a second write from the same place is refused, not doubled.
    expect(await writeProgress(id, "second", progress, from)).toBe(false);
    const events = await db.db
      .selectFrom("background_events")
      .select("seq")
      .where("run_id", "=", id)
      .execute();
    expect(events.map((e) => e.seq).sort()).toEqual([0, 1]);
  });

  it("leaves a finished run alone", async () => {
    const id = "finished-run-cccccccc";
    await job(id, "first", 60_000);
    const done = { fromSeq: 1, events: [], lastEventId: null, readerState: null, leaseMs: 0 };
    expect(await writeProgress(id, "first", { ...done, status: "done" }, from)).toBe(true);
    await sleep(5);
    expect((await claimJobs("other", 60_000, 50, from)).map((r) => r.id)).not.toContain(id);
  });
});
