import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "@/lib/auth/person";
import { openStore, type Store } from "@/lib/db/database";
import { getRun, listRuns } from "@/lib/history/server/list";
import { historyWritten, recordRun } from "@/lib/history/server/record";
import type { PromptDoc } from "@/lib/prompt";
import type { RunEvent } from "@/lib/run/events";
import { sinceDay, usageRows } from "@/lib/usage/server/usage";
import { startPostgres, type TestPostgres } from "@/tests/support/postgres";

const ada: Person = { name: "Ada", via: "code" };

const doc = (text: string): PromptDoc => ({
  version: 1,
  model: "gemini-2.5-flash",
  systemInstruction: "",
  contents: [{ role: "user", parts: [{ kind: "text", text }] }],
  config: {},
  tools: {},
});

const chunk = (text: string, extra: object = {}): RunEvent => ({
  type: "chunk",
  data: { candidates: [{ content: { role: "model", parts: [{ text }] }, ...extra }] },
});

/** Plays the events through `recordRun` as the route does, stopping early after `take`. */
async function play(store: Store, events: RunEvent[], prompt: PromptDoc, take = Infinity) {
  async function* source() {
    yield* events;
  }
  let seen = 0;
  for await (const _ of recordRun(source(), prompt, ada, async () => store)) {
    if (++seen >= take) break;
  }
  await historyWritten();
}

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.stop());

const kinds = {
  sqlite: () => openStore({ databaseUrl: undefined, dataDir: mkdtempSync(join(tmpdir(), "h-")) }),
  postgres: async () =>
    openStore({
      databaseUrl: await postgres.createDatabase(`history_${Date.now()}`),
      dataDir: mkdtempSync(join(tmpdir(), "h-")),
    }),
};

describe.each(Object.entries(kinds))("the history on %s", (_dialect, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(() => store?.close());

  it("keeps a finished run whole: the prompt, the answer, the tokens", async () => {
    const usage = { promptTokenCount: 7, candidatesTokenCount: 12, thoughtsTokenCount: 3 };
    await play(
      store,
      [
        chunk("The sea is "),
        {
          ...chunk("wide.", { finishReason: "STOP" }),
          data: { ...chunk("wide.", { finishReason: "STOP" }).data, usageMetadata: usage },
        } as RunEvent,
        { type: "done", data: {} },
      ],
      doc("Tell me about the sea"),
    );
    const [entry] = await listRuns(store, "Ada", "sea");
    expect(entry).toMatchObject({
      status: "done",
      model: "gemini-2.5-flash",
      prompt: "Tell me about the sea",
      answer: "The sea is wide.",
      inputTokens: 7,
      outputTokens: 12,
      thinkingTokens: 3,
    });
    const run = await getRun(store, entry?.id ?? "", "Ada");
    expect(run.document).toEqual(doc("Tell me about the sea"));
    expect(run.result.parts).toEqual([{ kind: "text", text: "The sea is wide." }]);
    expect(run.result.finishReason).toBe("STOP");
  });

  it("keeps what came of a run whose reader went away, as stopped", async () => {
    await play(
      store,
      [chunk("Half an "), chunk("answer"), { type: "done", data: {} }],
      doc("Cut short"),
      1,
    );
    const [entry] = await listRuns(store, "Ada", "cut short");
    expect(entry).toMatchObject({ status: "stopped", answer: "Half an " });
  });

  it("keeps a failed run with its reason", async () => {
    await play(
      store,
      [
        {
          type: "error",
          data: {
            code: "rate_limit:gemini",
            message: "Quota used up; retry in 7 s.",
            status: 429,
            retryable: true,
          },
        },
      ],
      doc("Too many"),
    );
    const [entry] = await listRuns(store, "Ada", "too many");
    expect(entry).toMatchObject({ status: "error", answer: "Quota used up; retry in 7 s." });
  });

  it("sums the runs by day, person and model, with their cost at list prices", async () => {
    const usage = { promptTokenCount: 1_000_000, candidatesTokenCount: 0 };
    const billed: RunEvent[] = [
      {
        type: "chunk",
        data: {
          candidates: [{ content: { role: "model", parts: [{ text: "x" }] } }],
          usageMetadata: usage,
        },
      },
      { type: "done", data: {} },
    ];
    const before = await usageRows(store, sinceDay(1));
    const mine = (rows: typeof before) =>
      rows.find((r) => r.author === "Ada" && r.model === "gemini-2.5-flash");
    await play(store, billed, doc("usage one"));
    await play(store, billed, doc("usage two"));
    const after = mine(await usageRows(store, sinceDay(1)));
    expect(after?.day).toBe(new Date().toISOString().slice(0, 10));
    expect((after?.runs ?? 0) - (mine(before)?.runs ?? 0)).toBe(2);
    expect((after?.inputTokens ?? 0) - (mine(before)?.inputTokens ?? 0)).toBe(2_000_000);
    // Two million input tokens of 2.5 Flash at its list price of $0.30 per million.
    expect((after?.costUsd ?? 0) - (mine(before)?.costUsd ?? 0)).toBeCloseTo(0.6, 6);
  });

  it("lists only the person's own runs, newest first, and pages on", async () => {
    for (let i = 0; i < 3; i++) {
      await play(store, [chunk(`answer ${i}`), { type: "done", data: {} }], doc(`paging ${i}`));
      await new Promise((r) => setTimeout(r, 2));
    }
    const runs = await listRuns(store, "Ada", "paging");
    expect(runs.map((r) => r.prompt)).toEqual(["paging 2", "paging 1", "paging 0"]);
    const older = await listRuns(store, "Ada", "paging", runs[0]?.createdAt);
    expect(older.map((r) => r.prompt)).toEqual(["paging 1", "paging 0"]);
    expect(await listRuns(store, "Bob", "paging")).toEqual([]);
    await expect(getRun(store, runs[0]?.id ?? "", "Bob")).rejects.toMatchObject({
      body: { code: "not_found" },
    });
  });
});
