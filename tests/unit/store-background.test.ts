import { describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/run/events";
import { createPlaygroundStore } from "@/lib/store/create-store";
import { backgroundRunsToReattach } from "@/lib/store/runs-slice";
import { createRunSaver } from "@/lib/store/saved-runs";

/**
 * A background run in the page: named before it is sent, saved as a run to come back to as soon
 * as it starts, and read again whole after the page left it, its partial answer replaced.
 */
function newStore() {
  const data = new Map<string, string>();
  const storage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
  return createPlaygroundStore({ storage: () => storage });
}

const text = (t: string): RunEvent => ({
  type: "chunk",
  data: { candidates: [{ content: { role: "model", parts: [{ text: t }] } }] } as never,
});
const meta: RunEvent = {
  type: "meta",
  data: { requestId: "r", model: "gemini-2.5-flash", simulated: true, api: "interactions" },
};

function startBackgroundRun() {
  const store = newStore();
  store.getState().setSetting("api", "interactions");
  store.getState().setSetting("background", true);
  store.getState().setPromptText("Research tides.");
  const id = store.getState().run() ?? "";
  return { store, id };
}

describe("a background run in the page", () => {
  it("is named before it is sent, with an id fit for a URL; other runs have none", () => {
    const { store, id } = startBackgroundRun();
    expect(store.getState().runs[id]?.background).toMatch(/^[\w-]{22}$/);
    const plain = newStore();
    plain.getState().setPromptText("Hi");
    const other = plain.getState().run() ?? "";
    expect(plain.getState().runs[other]?.background).toBeUndefined();
  });

  it("is saved, while it runs, as a run the page left, to come back to", () => {
    const { store, id } = startBackgroundRun();
    store.getState().applyRunEvents(id, [meta, text("Tides are")]);
    const saved = createRunSaver()(store.getState())[id];
    expect(saved?.state).toMatchObject({ status: "stopped", stoppedByReload: true, parts: [] });
    expect(saved?.background).toBe(store.getState().runs[id]?.background);
  });

  it("is read again whole after the page left it: its partial answer gives way to the whole", () => {
    const { store, id } = startBackgroundRun();
    store.getState().applyRunEvents(id, [meta, text("Tides are")]);
    // Leaving the page: the answer so far becomes a turn, as any run's does.
    store.getState().applyRunEvents(id, [{ type: "stop", reload: true }]);
    expect(store.getState().draft.contents).toHaveLength(2);
    expect(backgroundRunsToReattach(store.getState()).map((r) => r.id)).toEqual([id]);

    store.getState().reattach(id);
    let s = store.getState();
    expect(s.draft.contents).toHaveLength(1);
    expect(s.runs[id]).toMatchObject({ reattached: true, committed: false });
    expect(s.runs[id]?.state.status).toBe("streaming");

    store
      .getState()
      .applyRunEvents(id, [
        meta,
        text("Tides are the sea's slow breathing."),
        { type: "done", data: {} },
      ]);
    s = store.getState();
    expect(s.draft.contents.at(-1)).toEqual({
      role: "model",
      parts: [{ kind: "text", text: "Tides are the sea's slow breathing." }],
    });
    expect(s.runByTurn[1]).toBe(id);
    // This page never saw its first chunk arrive: no time to first token of its own.
    expect(s.runs[id]?.firstChunkAt).toBeUndefined();
  });

  it("in a compare column is named too, so Stop can cancel it", () => {
    const { store } = startBackgroundRun();
    store.getState().openCompare();
    store.getState().runAll();
    const s = store.getState();
    const columns = Object.values(s.columnRuns).map((id) => s.runs[id]);
    expect(columns.length).toBeGreaterThan(1);
    for (const run of columns) expect(run?.background).toMatch(/^[\w-]{22}$/);
  });

  it("in a compare column is read again after a reload, its partial answer leaving its turns", () => {
    const { store } = startBackgroundRun();
    store.getState().openCompare();
    store.getState().runAll();
    const [columnId, runId] = Object.entries(store.getState().columnRuns)[0] ?? ["", ""];
    store.getState().applyRunEvents(runId, [meta, text("Tides are")]);
    store.getState().applyRunEvents(runId, [{ type: "stop", reload: true }]);
    const turns = () => store.getState().compare?.columns.find((c) => c.id === columnId)?.turns;
    expect(turns()).toHaveLength(1);
    expect(backgroundRunsToReattach(store.getState()).map((r) => r.id)).toContain(runId);

    store.getState().reattach(runId);
    expect(turns()).toHaveLength(0);
    expect(store.getState().runs[runId]?.state.status).toBe("streaming");
    store
      .getState()
      .applyRunEvents(runId, [
        meta,
        text("Tides are the sea breathing."),
        { type: "done", data: {} },
      ]);
    expect(turns()).toEqual([
      { role: "model", parts: [{ kind: "text", text: "Tides are the sea breathing." }] },
    ]);
  });

  it("stopped by the person is not read again", () => {
    const { store, id } = startBackgroundRun();
    store.getState().applyRunEvents(id, [meta, text("Tides")]);
    store.getState().stop(id);
    expect(backgroundRunsToReattach(store.getState())).toEqual([]);
  });
});
