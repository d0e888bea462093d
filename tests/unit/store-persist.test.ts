import { describe, expect, it, vi } from "vitest";
import { userTextTurn } from "@/lib/prompt";
import { emptyPromptDoc } from "@/lib/prompt/text";
import { createPlaygroundStore, STORAGE_KEY } from "@/lib/store/create-store";
import { DEFAULT_MODEL } from "@/lib/store/draft-slice";
import { createDraftStorage } from "@/lib/store/storage";
import { memoryStorage } from "./support/memory-storage";

/**
 * Past the save a change schedules: its delay (0 in these tests), then the idle moment it writes
 * in, a timer in Node. Two timers of the same length fire in the order they were set, so a
 * wait of two timer turns ends after both, however late the loop gets to them (a fixed number
 * of milliseconds did not, on a busy machine).
 */
async function flushSaves() {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The saved state with its turn references resolved, as the next page load reads it. */
function readBack(data: Map<string, string>) {
  const saved = JSON.parse(data.get(STORAGE_KEY) ?? "{}");
  const contents = saved.state.draft.contents.map((ref: { $turn: string }) =>
    JSON.parse(data.get(`${STORAGE_KEY}:turn:${ref.$turn}`) ?? "null"),
  );
  return { saved, contents };
}

const turnKeys = (data: Map<string, string>) =>
  [...data.keys()].filter((k) => k.startsWith(`${STORAGE_KEY}:turn:`));

describe("persistence", () => {
  it("saves the draft and preferences, never a streaming run or the catalogue", async () => {
    const mem = memoryStorage();
    const store = createPlaygroundStore({ storage: () => mem.storage, persistDelayMs: 0 });
    await store.persist.rehydrate();
    store.getState().setSystemInstruction("Answer in French.");
    store.getState().setPromptText("Bonjour");
    store.getState().run();
    store.getState().toggleSettings();
    await flushSaves();

    const { saved, contents } = readBack(mem.data);
    expect(saved.version).toBe(1);
    expect(Object.keys(saved.state).sort()).toEqual(
      [
        "attachments",
        "blind",
        "chatRunId",
        "columnRuns",
        "compact",
        "compare",
        "draft",
        "modelSource",
        "promptText",
        "runByTurn",
        "runs",
        "savedChat",
        "savedCompare",
        "settingsOpen",
        "staleTurns",
        "syncScroll",
        "systemOpen",
        "votes",
      ].sort(),
    );
    // The run is still streaming: it is saved once it ends.
    expect(saved.state.runs).toEqual([]);
    expect(saved.state.chatRunId).toBeNull();
    expect(saved.state.draft.systemInstruction).toBe("Answer in French.");
    expect(contents).toEqual([userTextTurn("Bonjour")]);
    expect(saved.state.settingsOpen).toBe(false);
  });

  it("does not rewrite storage for state that isn't persisted (streaming chunks)", async () => {
    const mem = memoryStorage();
    const store = createPlaygroundStore({ storage: () => mem.storage, persistDelayMs: 0 });
    await store.persist.rehydrate();
    store.getState().setPromptText("Go");
    const id = store.getState().run() as string;
    await flushSaves();
    const before = mem.writes();
    for (let i = 0; i < 20; i++) {
      store.getState().applyRunEvents(id, [
        {
          type: "chunk",
          data: { candidates: [{ content: { role: "model", parts: [{ text: `${i} ` }] } }] },
        },
      ]);
    }
    await flushSaves();
    expect(mem.writes()).toBe(before);
  });

  it("restores a saved draft on rehydrate and drops one that no longer parses", async () => {
    const good = {
      state: {
        draft: {
          version: 1,
          model: "gemini-2.5-pro",
          systemInstruction: "",
          contents: [userTextTurn("Hi")],
          config: { temperature: 0.2 },
          tools: {},
        },
        promptText: "unsent",
        modelSource: "user",
        settingsOpen: true,
        systemOpen: false,
      },
      version: 1,
    };
    const mem = memoryStorage({ [STORAGE_KEY]: JSON.stringify(good) });
    const store = createPlaygroundStore({ storage: () => mem.storage });
    expect(store.getState().draft.contents).toEqual([]); // nothing read before hydration
    await store.persist.rehydrate();
    expect(store.getState().draft.model).toBe("gemini-2.5-pro");
    expect(store.getState().draft.contents).toEqual([userTextTurn("Hi")]);
    expect(store.getState().promptText).toBe("unsent");
    expect(store.getState().modelSource).toBe("user");
    expect(store.getState().systemOpen).toBe(false);

    const bad = { ...good, state: { ...good.state, draft: { model: "", contents: "nope" } } };
    const mem2 = memoryStorage({ [STORAGE_KEY]: JSON.stringify(bad) });
    const store2 = createPlaygroundStore({ storage: () => mem2.storage });
    await store2.persist.rehydrate();
    expect(store2.getState().draft.model).toBe(DEFAULT_MODEL);
    expect(store2.getState().draft.contents).toEqual([]);
  });

  it("keeps what was typed before the saved draft was read", async () => {
    const saved = {
      state: {
        draft: {
          version: 1,
          model: "gemini-2.5-pro",
          systemInstruction: "Saved.",
          contents: [userTextTurn("Earlier")],
          config: {},
          tools: {},
        },
        promptText: "old unsent text",
        modelSource: "user",
        settingsOpen: true,
        systemOpen: true,
      },
      version: 1,
    };
    const mem = memoryStorage({ [STORAGE_KEY]: JSON.stringify(saved) });
    const store = createPlaygroundStore({ storage: () => mem.storage });
    store.getState().setPromptText("typed early");
    await store.persist.rehydrate();
    expect(store.getState().promptText).toBe("typed early");
    // The untouched draft is still restored.
    expect(store.getState().draft.contents).toEqual([userTextTurn("Earlier")]);
    expect(store.getState().draft.model).toBe("gemini-2.5-pro");
  });

  it("works without any browser storage (server render, Node)", async () => {
    const store = createPlaygroundStore();
    await store.persist.rehydrate();
    store.getState().setPromptText("still works");
    expect(store.getState().promptText).toBe("still works");
  });

  it("stores each turn once: typing afterwards rewrites only the small state key", async () => {
    const mem = memoryStorage();
    const store = createPlaygroundStore({ storage: () => mem.storage, persistDelayMs: 0 });
    await store.persist.rehydrate();
    for (const role of ["user", "model", "user", "model"] as const) {
      store.getState().setPromptText(`A ${role} turn ${"with words ".repeat(500)}`);
      store.getState().addPromptToChat(role);
    }
    await flushSaves();
    expect(turnKeys(mem.data)).toHaveLength(4);
    mem.takeWritten();

    for (const text of ["S", "Su", "Sum"]) {
      store.getState().setPromptText(text);
      await flushSaves();
    }
    store.getState().setSystemInstruction("Be brief.");
    await flushSaves();
    expect(new Set(mem.takeWritten())).toEqual(new Set([STORAGE_KEY]));
    expect(mem.data.get(STORAGE_KEY)?.length).toBeLessThan(1_000);

    const { saved, contents } = readBack(mem.data);
    expect(saved.state.promptText).toBe("Sum");
    expect(contents).toEqual(store.getState().draft.contents);
  });

  it("removes a deleted turn's key and stores only the new one after an edit", async () => {
    const mem = memoryStorage();
    const store = createPlaygroundStore({ storage: () => mem.storage, persistDelayMs: 0 });
    await store.persist.rehydrate();
    for (const text of ["one", "two", "three"]) {
      store.getState().setPromptText(text);
      store.getState().addPromptToChat("user");
    }
    await flushSaves();
    const before = turnKeys(mem.data);
    store.getState().deleteTurn(0);
    store.getState().editTurn(1, "THREE");
    await flushSaves();
    const after = turnKeys(mem.data);
    expect(after).toHaveLength(2);
    // "two" kept its key; "one" and the old "three" are gone; the edited turn has a new one.
    expect(after.filter((k) => before.includes(k))).toHaveLength(1);
    expect(readBack(mem.data).contents).toEqual([userTextTurn("two"), userTextTurn("THREE")]);
  });

  it("reads a draft saved whole, then stores it turn by turn at its first change", async () => {
    const whole = {
      state: {
        draft: {
          ...emptyPromptDoc("gemini-2.5-pro"),
          contents: [userTextTurn("Saved whole"), userTextTurn("by an older version")],
        },
        promptText: "",
        modelSource: "user",
        settingsOpen: true,
        systemOpen: true,
      },
      version: 1,
    };
    const mem = memoryStorage({ [STORAGE_KEY]: JSON.stringify(whole) });
    const store = createPlaygroundStore({ storage: () => mem.storage, persistDelayMs: 0 });
    await store.persist.rehydrate();
    expect(store.getState().draft.contents).toEqual(whole.state.draft.contents);
    store.getState().setPromptText("next");
    await flushSaves();
    expect(turnKeys(mem.data)).toHaveLength(2);
    expect(readBack(mem.data).contents).toEqual(whole.state.draft.contents);

    // The next page load reads the references back, and typing stores no turn again.
    const reloaded = createPlaygroundStore({ storage: () => mem.storage, persistDelayMs: 0 });
    await reloaded.persist.rehydrate();
    expect(reloaded.getState().draft.contents).toEqual(whole.state.draft.contents);
    expect(reloaded.getState().promptText).toBe("next");
    mem.takeWritten();
    reloaded.getState().setPromptText("next one");
    await flushSaves();
    expect(mem.takeWritten()).toEqual([STORAGE_KEY]);
  });

  it("leaves out a turn whose key is gone rather than the whole conversation", async () => {
    const mem = memoryStorage();
    const store = createPlaygroundStore({ storage: () => mem.storage, persistDelayMs: 0 });
    await store.persist.rehydrate();
    for (const text of ["kept", "lost"]) {
      store.getState().setPromptText(text);
      store.getState().addPromptToChat("user");
    }
    await flushSaves();
    const lost = turnKeys(mem.data).find((k) => mem.data.get(k)?.includes("lost"));
    mem.data.delete(lost as string);
    const reloaded = createPlaygroundStore({ storage: () => mem.storage });
    await reloaded.persist.rehydrate();
    expect(reloaded.getState().draft.contents).toEqual([userTextTurn("kept")]);
  });
});

describe("draft storage in idle time", () => {
  const doc = (contents: ReturnType<typeof userTextTurn>[]) => ({
    draft: { ...emptyPromptDoc("gemini-2.5-flash"), contents },
  });

  it("writes new turns a slice at a time and the state key only once all are stored", () => {
    const mem = memoryStorage();
    const queue: ((deadline?: IdleDeadline) => void)[] = [];
    // Every idle moment has already run out: one turn per slice, then it asks for another.
    const spent = { timeRemaining: () => 0, didTimeout: false } as IdleDeadline;
    vi.useFakeTimers();
    try {
      const storage = createDraftStorage(
        () => mem.storage,
        0,
        (work) => queue.push(work),
      );
      const turns = ["a", "b", "c"].map((t) => userTextTurn(t));
      storage.setItem("k", { state: doc(turns), version: 1 });
      vi.runAllTimers();
      expect(queue).toHaveLength(1);
      queue.shift()?.(spent);
      expect(mem.takeWritten()).toEqual([expect.stringMatching(/^k:turn:/)]);
      queue.shift()?.(spent);
      expect(mem.data.has("k")).toBe(false);
      queue.shift()?.(spent);
      expect(mem.takeWritten()).toEqual([
        expect.stringMatching(/^k:turn:/),
        expect.stringMatching(/^k:turn:/),
        "k",
      ]);
      expect(queue).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("writes everything at once when the page is left", () => {
    const mem = memoryStorage();
    const listeners: Record<string, () => void> = {};
    vi.stubGlobal("window", {
      addEventListener: (type: string, listener: () => void) => {
        listeners[type] = listener;
      },
    });
    try {
      const storage = createDraftStorage(
        () => mem.storage,
        10_000,
        () => {},
      );
      storage.setItem("k", { state: doc([userTextTurn("x"), userTextTurn("y")]), version: 1 });
      listeners.pagehide?.();
      expect(mem.data.has("k")).toBe(true);
      expect([...mem.data.keys()].filter((k) => k.startsWith("k:turn:"))).toHaveLength(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("a store that saves nothing (a dialog's own) listens to nothing on the page", () => {
    const mem = memoryStorage();
    const listening: string[] = [];
    vi.stubGlobal("window", {
      addEventListener: (type: string) => listening.push(type),
    });
    try {
      createPlaygroundStore({ storage: () => undefined });
      expect(listening).toEqual([]);
      // Blocked storage (reading it throws) is the same: nothing to save, nothing to hear.
      createPlaygroundStore({
        storage: () => {
          throw new DOMException("blocked", "SecurityError");
        },
      });
      expect(listening).toEqual([]);
      createPlaygroundStore({ storage: () => mem.storage });
      expect(listening).toEqual(expect.arrayContaining(["beforeunload", "pagehide", "storage"]));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
