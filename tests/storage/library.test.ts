import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "@/lib/auth/person";
import { openStore, type Store } from "@/lib/db/database";
import { MIGRATION_NAMES } from "@/lib/db/migrate";
import type { SavedDocument } from "@/lib/library/saved-document";
import { listPrompts, RESTORABLE_MS } from "@/lib/library/server/list";
import { deletePrompt, restoreRevision, undeletePrompt } from "@/lib/library/server/manage";
import { getPrompt, listRevisions, savePrompt } from "@/lib/library/server/prompts";
import { getSnapshot, saveSnapshot } from "@/lib/library/server/snapshots";
import { startPostgres, type TestPostgres } from "@/tests/support/postgres";
import { storeKinds } from "@/tests/support/stores";

const ada: Person = { name: "Ada", via: "code" };
const bob: Person = { name: "Bob", via: "code" };

const chat = (text: string): SavedDocument => ({
  kind: "chat",
  document: {
    version: 1,
    model: "gemini-2.5-flash",
    systemInstruction: "Be brief.",
    contents: [{ role: "user", parts: [{ kind: "text", text }] }],
    config: { temperature: 0.4 },
    tools: {},
  },
});

const meta = { title: "Haiku", description: "A small poem", tags: ["poetry"] };

let postgres: TestPostgres;

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.stop());

const kinds = storeKinds(() => postgres, "library");

describe.each(Object.entries(kinds))("the library on %s", (dialect, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    expect(store.dialect).toBe(dialect);
  });
  afterAll(() => store?.close());

  it("saves a prompt as revision 1 and reads back the same document, author and times", async () => {
    const saved = await savePrompt(
      store,
      { ...meta, saved: chat("Write a haiku") },
      ada,
      1_700_000_000_123,
    );
    expect(saved).toMatchObject({ revision: 1, forked: false });
    expect(saved.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const read = await getPrompt(store, saved.id);
    expect(read).toMatchObject({
      ...meta,
      kind: "chat",
      author: "Ada",
      latestRevision: 1,
      createdAt: 1_700_000_000_123,
      revision: { number: 1, author: "Ada", createdAt: 1_700_000_000_123 },
      forkedFrom: null,
    });
    expect(read.document).toEqual(chat("Write a haiku").document);
  });

  it("adds a revision on each save by the author, and a pinned revision keeps its text", async () => {
    const { id } = await savePrompt(store, { ...meta, saved: chat("first") }, ada);
    const second = await savePrompt(
      store,
      { ...meta, id, title: "Haiku v2", saved: chat("second") },
      ada,
    );
    expect(second).toEqual({ id, revision: 2, forked: false });
    expect((await getPrompt(store, id)).document).toEqual(chat("second").document);
    expect((await getPrompt(store, id, 1)).document).toEqual(chat("first").document);
    expect((await listRevisions(store, id)).map((r) => [r.number, r.title])).toEqual([
      [2, "Haiku v2"],
      [1, "Haiku"],
    ]);
  });

  it("makes no new revision when nothing changed since the last", async () => {
    const { id } = await savePrompt(store, { ...meta, saved: chat("same") }, ada);
    expect(await savePrompt(store, { ...meta, id, saved: chat("same") }, ada)).toEqual({
      id,
      revision: 1,
      forked: false,
    });
    const retitled = await savePrompt(
      store,
      { ...meta, id, title: "New", saved: chat("same") },
      ada,
    );
    expect(retitled.revision).toBe(2);
  });

  it("saves someone else's prompt as a copy that says where it came from", async () => {
    const { id } = await savePrompt(store, { ...meta, saved: chat("Ada's") }, ada);
    const fork = await savePrompt(store, { ...meta, id, saved: chat("Bob's edit") }, bob);
    expect(fork.forked).toBe(true);
    expect(fork.id).not.toBe(id);
    const copy = await getPrompt(store, fork.id);
    expect(copy).toMatchObject({
      author: "Bob",
      forkedFrom: { id, revision: 1 },
      latestRevision: 1,
    });
    expect((await getPrompt(store, id)).document).toEqual(chat("Ada's").document);
  });

  it("lets a teammate add a revision to a team-editable prompt", async () => {
    const { id } = await savePrompt(
      store,
      { ...meta, teamEditable: true, saved: chat("shared") },
      ada,
    );
    const edit = await savePrompt(store, { ...meta, id, saved: chat("Bob's turn") }, bob);
    expect(edit).toEqual({ id, revision: 2, forked: false });
    expect((await getPrompt(store, id)).revision.author).toBe("Bob");
    expect((await getPrompt(store, id)).author).toBe("Ada");
  });

  it("keeps every one of many saves made at once: no revision is lost or doubled", async () => {
    const { id } = await savePrompt(store, { ...meta, saved: chat("start") }, ada);
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        savePrompt(store, { ...meta, id, saved: chat(`edit ${i}`) }, ada),
      ),
    );
    expect(saves.map((s) => s.revision).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 2),
    );
    const texts = await Promise.all(
      saves.map(async (s) => JSON.stringify((await getPrompt(store, id, s.revision)).document)),
    );
    expect(new Set(texts).size).toBe(20);
  });

  it("finds prompts by any words of their text, and filters by author, tag and model", async () => {
    const mark = `m${Math.random().toString(36).slice(2, 8)}`;
    const save = (person: Person, title: string, text: string, tags: string[], model?: string) => {
      const doc = chat(`${mark} ${text}`);
      if (model && doc.kind === "chat") doc.document.model = model;
      return savePrompt(store, { title, description: "", tags, saved: doc }, person);
    };
    const one = await save(ada, "Refund policy", "Summarise the REFUND email", ["Support"]);
    const two = await save(
      bob,
      "Release notes",
      "Write notes for 100% of users",
      ["docs"],
      "gemini-2.5-pro",
    );
    const ids = async (query: Parameters<typeof listPrompts>[1]) =>
      (await listPrompts(store, { ...query, text: `${mark} ${query.text ?? ""}` }, "Ada")).map(
        (e) => e.id,
      );
    expect(await ids({ text: "refund email" })).toEqual([one.id]);
    expect(await ids({ text: "100%" })).toEqual([two.id]);
    // A wildcard typed by a person is a letter: "1_0" matches no "100".
    expect(await ids({ text: "1_0" })).toEqual([]);
    expect(await ids({})).toEqual([two.id, one.id]);
    expect(await ids({ author: "Bob" })).toEqual([two.id]);
    expect(await ids({ tag: "support" })).toEqual([one.id]);
    expect(await ids({ model: "gemini-2.5-pro" })).toEqual([two.id]);
    expect(await ids({ model: "gemini-2.5" })).toEqual([]);
  });

  it("lets only the author delete, keeps it restorable for 30 days, then brings it back", async () => {
    const { id } = await savePrompt(store, { ...meta, saved: chat("to delete") }, ada);
    await expect(deletePrompt(store, id, bob)).rejects.toMatchObject({
      body: { code: "forbidden:author", status: 403 },
    });
    await deletePrompt(store, id, ada, 5_000_000_000_000);
    await expect(getPrompt(store, id)).rejects.toThrow("was deleted");
    const deleted = await listPrompts(store, { deleted: true }, "Ada", 5_000_000_000_000 + 1000);
    expect(deleted.map((e) => e.id)).toContain(id);
    expect(
      (await listPrompts(store, { deleted: true }, "Bob", 5_000_000_000_000 + 1000)).map(
        (e) => e.id,
      ),
    ).not.toContain(id);
    await expect(
      undeletePrompt(store, id, ada, 5_000_000_000_000 + RESTORABLE_MS + 1),
    ).rejects.toThrow("more than 30 days ago");
    await undeletePrompt(store, id, ada, 5_000_000_000_000 + 1000);
    expect((await getPrompt(store, id)).document).toEqual(chat("to delete").document);
  });

  it("restores an old revision as the newest, keeping the ones between", async () => {
    const { id } = await savePrompt(store, { ...meta, saved: chat("v1") }, ada);
    await savePrompt(store, { ...meta, id, saved: chat("v2") }, ada);
    const restored = await restoreRevision(store, id, 1, ada);
    expect(restored).toEqual({ id, revision: 3, forked: false });
    expect((await getPrompt(store, id)).document).toEqual(chat("v1").document);
    expect((await getPrompt(store, id, 2)).document).toEqual(chat("v2").document);
  });

  it("keeps a revision's run results under an id of their own, for that prompt only", async () => {
    const { id } = await savePrompt(store, { ...meta, saved: chat("with results") }, ada);
    const results = {
      version: 1,
      kind: "chat",
      runs: { r1: { id: "r1" } },
      runByTurn: { 1: "r1" },
    };
    const snapshot = await saveSnapshot(store, id, 1, results, ada, 1_700_000_000_000);
    expect(snapshot).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await getSnapshot(store, snapshot, id)).toEqual({
      id: snapshot,
      author: "Ada",
      createdAt: 1_700_000_000_000,
      revision: 1,
      results,
    });
    const other = await savePrompt(store, { ...meta, saved: chat("another") }, ada);
    await expect(getSnapshot(store, snapshot, other.id)).rejects.toMatchObject({
      body: { code: "not_found" },
    });
    await expect(saveSnapshot(store, id, 1, { version: 2 }, ada)).rejects.toMatchObject({
      body: { code: "bad_request:json" },
    });
    await expect(saveSnapshot(store, id, 9, results, ada)).rejects.toThrow("has no revision 9");
  });

  it("says plainly that an unknown prompt or revision does not exist", async () => {
    await expect(getPrompt(store, "AAAAAAAAAAAAAAAAAAAAAA")).rejects.toMatchObject({
      body: { code: "not_found", status: 404 },
    });
    const { id } = await savePrompt(store, { ...meta, saved: chat("one") }, ada);
    await expect(getPrompt(store, id, 7)).rejects.toThrow("has no revision 7");
    await expect(
      savePrompt(store, { ...meta, id: "AAAAAAAAAAAAAAAAAAAAAA", saved: chat("x") }, ada),
    ).rejects.toMatchObject({ body: { code: "not_found" } });
  });
});

describe("migrations", () => {
  it("apply once when two instances open one PostgreSQL database at the same moment", async () => {
    const url = await postgres.createDatabase("two_instances");
    const dataDir = mkdtempSync(join(tmpdir(), "store-"));
    const [a, b] = await Promise.all([
      openStore({ databaseUrl: url, dataDir }),
      openStore({ databaseUrl: url, dataDir }),
    ]);
    try {
      const { id } = await savePrompt(a, { ...meta, saved: chat("through a") }, ada);
      expect((await getPrompt(b, id)).document).toEqual(chat("through a").document);
      const applied = await a.db
        .selectFrom("kysely_migration" as never)
        .select("name" as never)
        .execute();
      expect(applied.map((row) => (row as { name: string }).name)).toEqual(MIGRATION_NAMES);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("leave an existing SQLite file as it was when opened again", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "store-"));
    const first = await openStore({ databaseUrl: undefined, dataDir });
    const { id } = await savePrompt(first, { ...meta, saved: chat("kept") }, ada);
    await first.close();
    const again = await openStore({ databaseUrl: undefined, dataDir });
    expect((await getPrompt(again, id)).document).toEqual(chat("kept").document);
    await again.close();
  });
});
