import { describe, expect, it } from "vitest";
import { userTextTurn } from "@/lib/prompt";
import type { RunEvent } from "@/lib/run/events";
import { createPlaygroundStore } from "@/lib/store/create-store";
import { memoryStorage } from "./support/memory-storage";

const chunk = (text: string): RunEvent => ({
  type: "chunk",
  data: { candidates: [{ content: { role: "model", parts: [{ text }] } }] } as never,
});
const done: RunEvent = { type: "done", data: {} };
const quota: RunEvent = {
  type: "error",
  data: {
    code: "rate_limit:gemini",
    message: "Gemini's quota is used up.",
    status: 429,
    retryable: true,
    retryAfterMs: 5_000,
  },
};

type Store = ReturnType<typeof createPlaygroundStore>;

/** A store whose chat has a system instruction and a temperature, opened in compare. */
function comparing(storage = memoryStorage().storage): Store {
  const store = createPlaygroundStore({ storage: () => storage, persistDelayMs: 0 });
  store.getState().setSystemInstruction("Be brief.");
  store.getState().setTemperature(0.5);
  store.getState().openCompare();
  return store;
}

const columns = (store: Store) => store.getState().compare?.columns ?? [];
const runOf = (store: Store, index: number) => {
  const s = store.getState();
  return s.runs[s.columnRuns[columns(store)[index]?.id as string] as string];
};

describe("compare in the store", () => {
  it("runs every column at once with its own model, and keeps the chat as it was", () => {
    const store = comparing();
    store.getState().addColumn();
    store.getState().setColumnModel(columns(store)[1]?.id as string, "gemini-2.5-pro");
    store.getState().setPromptText("Name a colour.");
    store.getState().runAll();

    const s = store.getState();
    expect(s.promptText).toBe("");
    expect(s.compare?.shared.contents).toEqual([userTextTurn("Name a colour.")]);
    const runs = [0, 1, 2].map((i) => runOf(store, i));
    expect(runs.map((r) => r?.state.status)).toEqual(["streaming", "streaming", "streaming"]);
    expect(runs.map((r) => r?.request.model)).toEqual([
      "gemini-3.5-flash",
      "gemini-2.5-pro",
      "gemini-3.5-flash",
    ]);
    for (const run of runs) {
      expect(run?.request.systemInstruction).toBe("Be brief.");
      expect(run?.request.contents).toEqual([userTextTurn("Name a colour.")]);
    }
    expect(new Set(runs.map((r) => r?.id)).size).toBe(3);
    expect(s.draft.contents).toEqual([]);
    expect(s.chatRunId).toBeNull();
  });

  it("gives each column its own answer; a failure stays in its column", () => {
    const store = comparing();
    store.getState().setPromptText("Name a colour.");
    store.getState().runAll();
    const [left, right] = [runOf(store, 0)?.id as string, runOf(store, 1)?.id as string];
    store.getState().applyRunEvents(left, [chunk("Teal."), done]);
    store.getState().applyRunEvents(right, [chunk("Re"), quota]);

    const [a, b] = columns(store);
    expect(a?.turns).toEqual([{ role: "model", parts: [{ kind: "text", text: "Teal." }] }]);
    // The failed one keeps its partial answer and its error on its run, not as a turn.
    expect(b?.turns).toEqual([]);
    expect(runOf(store, 1)?.state.error?.retryAfterMs).toBe(5_000);
    expect(runOf(store, 0)?.state.status).toBe("done");
    expect(store.getState().draft.contents).toEqual([]);
  });

  it("sends a follow-up to every column, each continuing its own conversation", () => {
    const store = comparing();
    store.getState().setPromptText("Name a colour.");
    store.getState().runAll();
    store.getState().applyRunEvents(runOf(store, 0)?.id as string, [chunk("Teal."), done]);
    store.getState().applyRunEvents(runOf(store, 1)?.id as string, [chunk("Red."), done]);

    store.getState().setPromptText("Another?");
    store.getState().runAll();
    const texts = (i: number) =>
      runOf(store, i)?.request.contents.map((t) => (t.parts[0] as { text: string }).text);
    expect(texts(0)).toEqual(["Name a colour.", "Teal.", "Another?"]);
    expect(texts(1)).toEqual(["Name a colour.", "Red.", "Another?"]);
    // The shared conversation is still the first prompt alone.
    expect(store.getState().compare?.shared.contents).toHaveLength(1);
  });

  it("stops one column alone, and reruns one column in place of its last answer", () => {
    const store = comparing();
    store.getState().setPromptText("Name a colour.");
    store.getState().runAll();
    const [a, b] = columns(store);
    store.getState().stopColumn(a?.id as string);
    expect(runOf(store, 0)?.state.status).toBe("stopped");
    expect(runOf(store, 1)?.state.status).toBe("streaming");
    store.getState().applyRunEvents(runOf(store, 1)?.id as string, [chunk("Red."), done]);

    const before = runOf(store, 1)?.id;
    store.getState().rerunColumn(b?.id as string);
    expect(runOf(store, 1)?.id).not.toBe(before);
    expect(columns(store)[1]?.turns).toEqual([]);
    expect(runOf(store, 1)?.request.contents).toEqual([userTextTurn("Name a colour.")]);
  });

  it("keeps a column's own temperature in its request only, and resets it to the shared one", () => {
    const store = comparing();
    const id = columns(store)[1]?.id as string;
    store.getState().setColumnSetup(id, {
      model: "gemini-3.5-flash",
      config: { temperature: 1.5 },
      tools: {},
      unset: [],
    });
    store.getState().setPromptText("Hi");
    store.getState().runAll();
    expect(runOf(store, 0)?.request.config.temperature).toBe(0.5);
    expect(runOf(store, 1)?.request.config.temperature).toBe(1.5);
    store.getState().resetColumnSetting(id, "temperature");
    expect(columns(store)[1]?.config).toEqual({});
  });

  it("hands a column's conversation to the chat", () => {
    const store = comparing();
    store.getState().setPromptText("Name a colour.");
    store.getState().runAll();
    store.getState().applyRunEvents(runOf(store, 1)?.id as string, [chunk("Red."), done]);
    store.getState().continueInChat(columns(store)[1]?.id as string);
    const { draft } = store.getState();
    expect(draft.contents.map((t) => t.role)).toEqual(["user", "model"]);
    expect(draft.systemInstruction).toBe("Be brief.");
    expect(draft.config.temperature).toBe(0.5);
  });

  it("keeps the setup, the answers and their runs across a reload", async () => {
    const mem = memoryStorage();
    const store = comparing(mem.storage);
    await store.persist.rehydrate();
    store.getState().setPromptText("Name a colour.");
    store.getState().runAll();
    store.getState().applyRunEvents(runOf(store, 0)?.id as string, [chunk("Teal."), done]);
    store.getState().stopColumn(columns(store)[1]?.id as string);
    await new Promise((resolve) => setTimeout(resolve, 10));

    const reloaded = createPlaygroundStore({ storage: () => mem.storage, persistDelayMs: 0 });
    await reloaded.persist.rehydrate();
    expect(reloaded.getState().compare).toEqual(store.getState().compare);
    expect(runOf(reloaded, 0)?.state.status).toBe("done");
    expect(runOf(reloaded, 1)?.state.status).toBe("stopped");
  });

  it("runs a column on its own copy of the conversation, asked the same question, across a reload", async () => {
    const mem = memoryStorage();
    const store = comparing(mem.storage);
    await store.persist.rehydrate();
    store.getState().setPromptText("Describe this.");
    const [first, second] = columns(store).map((c) => c.id) as [string, string];
    // Detached before the first run: the question reaches the copy too.
    store.getState().setColumnContents(second, [userTextTurn("Context only column 2 sees.")]);
    store.getState().runAll();

    expect(runOf(store, 0)?.request.contents).toEqual([userTextTurn("Describe this.")]);
    expect(runOf(store, 1)?.request.contents).toEqual([
      userTextTurn("Context only column 2 sees."),
      userTextTurn("Describe this."),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const reloaded = createPlaygroundStore({ storage: () => mem.storage, persistDelayMs: 0 });
    await reloaded.persist.rehydrate();
    expect(reloaded.getState().compare).toEqual(store.getState().compare);

    // Following the shared conversation again: the copy is gone.
    store.getState().setColumnContents(second, undefined);
    expect(columns(store)[1]?.contents).toBeUndefined();
    expect(columns(store)[0]?.id).toBe(first);
  });

  it("opened again on a changed chat prompt, keeps the columns but not their answers", () => {
    const store = comparing();
    const id = columns(store)[1]?.id as string;
    store.getState().setColumnModel(id, "gemini-2.5-pro");
    store.getState().setPromptText("Name a colour.");
    store.getState().runAll();
    store.getState().applyRunEvents(runOf(store, 1)?.id as string, [chunk("Red."), done]);
    const before = store.getState().compare;
    store.getState().setSystemInstruction("Be long.");
    store.getState().openCompare();
    const after = store.getState().compare;
    expect(after?.shared.systemInstruction).toBe("Be long.");
    expect(after?.columns.map((c) => c.model)).toEqual(before?.columns.map((c) => c.model));
    expect(after?.columns.every((c) => c.turns.length === 0)).toBe(true);
    expect(store.getState().columnRuns).toEqual({});
  });

  it("takes one blind vote per round, and a new round reshuffles", () => {
    const store = comparing();
    store.getState().setBlind(true);
    const ids = columns(store).map((c) => c.id);
    expect([...(store.getState().blind?.order ?? [])].sort()).toEqual([...ids].sort());
    store.getState().vote(ids[1] as string);
    store.getState().vote(ids[0] as string);
    expect(store.getState().votes).toHaveLength(1);
    expect(store.getState().votes[0]?.winner).toBe(columns(store)[1]?.model);
    store.getState().setPromptText("Again");
    store.getState().runAll();
    expect(store.getState().blind?.vote).toBeNull();
    store.getState().vote("tie");
    expect(store.getState().votes.at(-1)?.winner).toBeNull();
  });

  it("folds every column's events of a frame in one store update", () => {
    const store = comparing();
    store.getState().setPromptText("Name a colour.");
    store.getState().runAll();
    const [left, right] = [runOf(store, 0)?.id as string, runOf(store, 1)?.id as string];
    let updates = 0;
    const unsubscribe = store.subscribe(() => {
      updates += 1;
    });
    store.getState().applyRunBatches([
      { runId: left, actions: [chunk("Teal."), done], timing: { firstChunkAt: 5 } },
      { runId: right, actions: [chunk("Red")] },
    ]);
    unsubscribe();
    expect(updates).toBe(1);
    expect(columns(store)[0]?.turns).toHaveLength(1);
    expect(runOf(store, 0)?.firstChunkAt).toBe(5);
    expect(runOf(store, 1)?.state.parts).toEqual([{ kind: "text", text: "Red" }]);
  });
});
