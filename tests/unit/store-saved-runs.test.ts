import { afterEach, describe, expect, it, vi } from "vitest";
import type { RunEvent } from "@/lib/run/events";
import { createPlaygroundStore, STORAGE_KEY } from "@/lib/store/create-store";
import { memoryStorage } from "./support/memory-storage";

/** The runs behind the answers saved beside the draft, and two tabs of one draft. */

async function flushSaves() {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
}

const chunk = (text: string, extra: object = {}): RunEvent => ({
  type: "chunk",
  data: {
    candidates: [{ content: { role: "model", parts: [{ text }] }, ...extra }],
    usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 7, totalTokenCount: 12 },
  } as never,
});
const done: RunEvent = { type: "done", data: {} };

/** A window whose listeners the test calls itself, in the order they were added. */
function fakeWindow() {
  const listeners: Record<string, ((event: unknown) => void)[]> = {};
  vi.stubGlobal("window", {
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      listeners[type] = [...(listeners[type] ?? []), listener];
    },
  });
  return (type: string, event: unknown = {}) => {
    for (const listener of listeners[type] ?? []) listener(event);
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("saved runs", () => {
  it("saves each finished run once, without its parts, and a reload restores the figures", async () => {
    const mem = memoryStorage();
    const store = createPlaygroundStore({ storage: () => mem.storage, persistDelayMs: 0 });
    await store.persist.rehydrate();
    store.getState().setPromptText("Hello");
    const id = store.getState().run() as string;
    store.getState().applyRunEvents(id, [chunk("Hi there", { finishReason: "MAX_TOKENS" }), done]);
    await flushSaves();

    const saved = JSON.parse(mem.data.get(STORAGE_KEY) ?? "{}").state;
    expect(saved.runs).toEqual([id]);
    expect(saved.runByTurn).toEqual({ 1: id });
    expect(saved.chatRunId).toBe(id);
    const run = JSON.parse(mem.data.get(`${STORAGE_KEY}:run:${id}`) ?? "{}");
    expect(run.state.parts).toEqual([]);
    expect(run.request.contents).toEqual([]);
    expect(run.state.finishReason).toBe("MAX_TOKENS");

    // Typing rewrites the state key only: the run is in storage for good.
    mem.takeWritten();
    store.getState().setPromptText("Next");
    await flushSaves();
    expect(mem.takeWritten()).toEqual([STORAGE_KEY]);

    const reloaded = createPlaygroundStore({ storage: () => mem.storage });
    await reloaded.persist.rehydrate();
    const s = reloaded.getState();
    expect(s.runByTurn).toEqual({ 1: id });
    expect(s.chatRunId).toBe(id);
    expect(s.runs[id]?.state.usage?.totalTokenCount).toBe(12);
    expect(s.runs[id]?.state.finishReason).toBe("MAX_TOKENS");
    expect(s.runs[id]?.request.model).toBe(store.getState().draft.model);
    // The answer's text is the turn's, restored with the draft; the run holds the same parts.
    expect(s.draft.contents[1]?.parts).toEqual([{ kind: "text", text: "Hi there" }]);
    expect(s.runs[id]?.state.parts).toBe(s.draft.contents[1]?.parts);
    // A restored run is saved already: a change after the reload writes the state key only.
    mem.takeWritten();
    reloaded.getState().setPromptText("After the reload");
    await new Promise((resolve) => setTimeout(resolve, 450));
    await flushSaves();
    expect(mem.takeWritten()).toEqual([STORAGE_KEY]);
  });

  it("drops saved runs that don't fit the restored conversation", async () => {
    const mem = memoryStorage();
    mem.storage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        state: {
          draft: { version: 1, model: "gemini-2.5-flash", contents: [], config: {}, tools: {} },
          runs: ["a"],
          runByTurn: { 3: "a" },
          chatRunId: "a",
        },
        version: 1,
      }),
    );
    mem.storage.setItem(`${STORAGE_KEY}:run:a`, JSON.stringify({ id: "a", state: "garbage" }));
    const store = createPlaygroundStore({ storage: () => mem.storage });
    await store.persist.rehydrate();
    expect(store.getState().runByTurn).toEqual({});
    expect(store.getState().chatRunId).toBeNull();
    expect(store.getState().runs).toEqual({});
  });

  it("leaving the page mid-answer keeps what arrived, as a turn stopped by reload", async () => {
    const fire = fakeWindow();
    const mem = memoryStorage();
    const store = createPlaygroundStore({ storage: () => mem.storage, persistDelayMs: 10_000 });
    await store.persist.rehydrate();
    store.getState().setPromptText("Tell me a long story");
    const id = store.getState().run() as string;
    store.getState().applyRunEvents(id, [chunk("Once upon a time")]);
    fire("pagehide");

    const reloaded = createPlaygroundStore({ storage: () => mem.storage });
    await reloaded.persist.rehydrate();
    const s = reloaded.getState();
    expect(s.draft.contents.map((t) => t.role)).toEqual(["user", "model"]);
    expect(s.draft.contents[1]?.parts).toEqual([{ kind: "text", text: "Once upon a time" }]);
    expect(s.runs[id]?.state.status).toBe("stopped");
    expect(s.runs[id]?.state.stoppedByReload).toBe(true);
  });
});

describe("two tabs of one draft", () => {
  /** Two loaded pages of one draft; each saves `delayMs` after a change. */
  async function twoTabs(delayMs: { a: number; b: number }) {
    const fire = fakeWindow();
    const mem = memoryStorage();
    const [a, b] = [delayMs.a, delayMs.b].map((persistDelayMs) =>
      createPlaygroundStore({ storage: () => mem.storage, persistDelayMs }),
    ) as [ReturnType<typeof createPlaygroundStore>, ReturnType<typeof createPlaygroundStore>];
    for (const tab of [a, b]) {
      await tab.persist.rehydrate();
      tab.setState({ hydrated: true });
    }
    return { fire, mem, a, b };
  }

  it("an idle tab follows what the other saves; one with unsaved changes is asked", async () => {
    const { fire, mem, a, b } = await twoTabs({ a: 0, b: 10_000 });
    // B's first save after loading waits 10 s; it only puts back what B read, so B, which has
    // no work of its own, still follows A.

    a.getState().setSystemInstruction("Be brief.");
    await flushSaves();
    // The storage event reaches every tab but the one that wrote; here both stores listen.
    fire("storage", { key: STORAGE_KEY, newValue: mem.data.get(STORAGE_KEY) });
    await flushSaves();
    expect(b.getState().draft.systemInstruction).toBe("Be brief.");
    expect(b.getState().otherTabChanged).toBe(false);

    b.getState().setPromptText("B's own words"); // not saved yet (a 10 s delay)
    a.getState().setSystemInstruction("Be thorough.");
    await flushSaves();
    fire("storage", { key: STORAGE_KEY, newValue: mem.data.get(STORAGE_KEY) });
    await flushSaves();
    expect(b.getState().otherTabChanged).toBe(true);
    expect(b.getState().draft.systemInstruction).toBe("Be brief.");
    expect(b.getState().promptText).toBe("B's own words");

    // B keeps its version: it is written over A's at once.
    b.getState().resolveOtherTab("mine");
    const saved = JSON.parse(mem.data.get(STORAGE_KEY) ?? "{}").state;
    expect(saved.draft.systemInstruction).toBe("Be brief.");
    expect(saved.promptText).toBe("B's own words");
    expect(b.getState().otherTabChanged).toBe(false);
  });

  it("a save that finds the other tab's save, not yet heard of, asks instead of writing over it", async () => {
    const { mem, a, b } = await twoTabs({ a: 0, b: 0 });
    await flushSaves();

    a.getState().setSystemInstruction("Answer as a poet.");
    await flushSaves();
    // A's storage event has not reached B when B's own save comes due.
    b.getState().setPromptText("B's own words");
    await flushSaves();
    expect(JSON.parse(mem.data.get(STORAGE_KEY) ?? "{}").state.draft.systemInstruction).toBe(
      "Answer as a poet.",
    );
    expect(b.getState().otherTabChanged).toBe(true);
    expect(b.getState().promptText).toBe("B's own words");

    b.getState().resolveOtherTab("mine");
    const saved = JSON.parse(mem.data.get(STORAGE_KEY) ?? "{}").state;
    expect(saved.draft.systemInstruction).toBe("");
    expect(saved.promptText).toBe("B's own words");
  });
});
