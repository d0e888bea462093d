import { describe, expect, it } from "vitest";
import { userTextTurn } from "@/lib/prompt";
import { createPlaygroundStore, STORAGE_KEY } from "@/lib/store/create-store";

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  let writes = 0;
  return {
    data,
    writes: () => writes,
    storage: {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => {
        writes += 1;
        data.set(k, v);
      },
      removeItem: (k: string) => void data.delete(k),
    },
  };
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe("persistence", () => {
  it("saves only the draft and preferences, never runs or the catalogue", async () => {
    const mem = memoryStorage();
    const store = createPlaygroundStore({ storage: () => mem.storage, persistDelayMs: 0 });
    await store.persist.rehydrate();
    store.getState().setSystemInstruction("Answer in French.");
    store.getState().setPromptText("Bonjour");
    store.getState().run();
    store.getState().toggleSettings();
    await tick();

    const saved = JSON.parse(mem.data.get(STORAGE_KEY) ?? "{}");
    expect(saved.version).toBe(1);
    expect(Object.keys(saved.state).sort()).toEqual(
      ["attachments", "draft", "modelSource", "promptText", "settingsOpen", "systemOpen"].sort(),
    );
    expect(saved.state.draft.systemInstruction).toBe("Answer in French.");
    expect(saved.state.draft.contents).toEqual([userTextTurn("Bonjour")]);
    expect(saved.state.settingsOpen).toBe(false);
  });

  it("does not rewrite storage for state that isn't persisted (streaming chunks)", async () => {
    const mem = memoryStorage();
    const store = createPlaygroundStore({ storage: () => mem.storage, persistDelayMs: 0 });
    await store.persist.rehydrate();
    store.getState().setPromptText("Go");
    const id = store.getState().run() as string;
    await tick();
    const before = mem.writes();
    for (let i = 0; i < 20; i++) {
      store.getState().applyRunEvents(id, [
        {
          type: "chunk",
          data: { candidates: [{ content: { role: "model", parts: [{ text: `${i} ` }] } }] },
        },
      ]);
    }
    await tick();
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
    expect(store2.getState().draft.model).toBe("gemini-2.5-flash");
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
});
