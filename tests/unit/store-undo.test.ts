import { describe, expect, it } from "vitest";
import type { Turn } from "@/lib/prompt";
import type { RunEvent } from "@/lib/run/events";
import { applicableUndo } from "@/lib/store/undo-slice";
import { newStore } from "./support/memory-storage";

const done: RunEvent = { type: "done", data: {} };
const answer = (text: string): RunEvent => ({
  type: "chunk",
  data: {
    candidates: [{ content: { role: "model", parts: [{ text }] }, finishReason: "STOP" }],
  } as never,
});

function conversation(pairs: number) {
  const store = newStore();
  for (let i = 1; i <= pairs; i++) {
    store.getState().setPromptText(`Question ${i}`);
    const id = store.getState().run() as string;
    store.getState().applyRunEvents(id, [answer(`Answer ${i}`), done]);
  }
  return store;
}

const texts = (store: ReturnType<typeof newStore>) =>
  store.getState().draft.contents.map((t: Turn) => (t.parts[0] as { text: string }).text);

describe("undo", () => {
  it("brings back a cleared chat with the runs behind its answers", () => {
    const store = conversation(2);
    const before = store.getState().runByTurn;
    store.getState().clearConversation();
    expect(texts(store)).toEqual([]);
    expect(store.getState().undoEntry?.label).toBe("Chat cleared (4 turns)");
    expect(store.getState().undo()).toBe(true);
    expect(texts(store)).toEqual(["Question 1", "Answer 1", "Question 2", "Answer 2"]);
    expect(store.getState().runByTurn).toEqual(before);
    expect(store.getState().undoEntry).toBeNull();
    expect(store.getState().undo()).toBe(false);
  });

  it("brings back a deleted turn where it was", () => {
    const store = conversation(2);
    store.getState().deleteTurn(1);
    expect(store.getState().undoEntry?.label).toBe("Turn 2 deleted");
    expect(store.getState().undo()).toBe(true);
    expect(texts(store)).toEqual(["Question 1", "Answer 1", "Question 2", "Answer 2"]);
  });

  it("is stale once the conversation changed some other way", () => {
    const store = conversation(2);
    store.getState().deleteTurn(1);
    store.getState().switchTurnRole(0);
    expect(applicableUndo(store.getState())).toBeNull();
    expect(store.getState().undo()).toBe(false);
    expect(texts(store)).toEqual(["Question 1", "Question 2", "Answer 2"]);

    store.getState().clearConversation();
    store.getState().setPromptText("A new start");
    store.getState().addPromptToChat("user");
    expect(store.getState().undo()).toBe(false);
    expect(texts(store)).toEqual(["A new start"]);
  });

  it("undoes a rerun, finished or still streaming, back to the turns it replaced", () => {
    const store = conversation(2);
    const id = store.getState().rerunFrom(0) as string;
    expect(store.getState().undoEntry?.label).toBe("Rerun from turn 1: 3 turns replaced");
    // Still streaming: the undo stops it and drops what it wrote.
    store.getState().applyRunEvents(id, [answer("Half an ans")]);
    expect(store.getState().undo()).toBe(true);
    expect(store.getState().runs[id]?.state.status).toBe("stopped");
    expect(texts(store)).toEqual(["Question 1", "Answer 1", "Question 2", "Answer 2"]);

    const again = store.getState().rerunFrom(2) as string;
    store.getState().applyRunEvents(again, [answer("A new answer"), done]);
    expect(texts(store)).toEqual(["Question 1", "Answer 1", "Question 2", "A new answer"]);
    expect(store.getState().undo()).toBe(true);
    expect(texts(store)).toEqual(["Question 1", "Answer 1", "Question 2", "Answer 2"]);
  });

  it("offers nothing for a rerun that dropped nothing, or after New prompt", () => {
    const store = conversation(1);
    store.getState().deleteTurn(1);
    store.getState().dismissUndo();
    store.getState().rerunFrom(0);
    expect(store.getState().undoEntry).toBeNull();

    store.getState().clearConversation();
    store.getState().newPrompt();
    expect(store.getState().undo()).toBe(false);
  });
});

describe("stale answers", () => {
  it("marks the answers below an edited turn until they are rerun", () => {
    const store = conversation(3);
    store.getState().editTurn(2, "Question 2, edited");
    expect(store.getState().staleTurns).toEqual([3, 5]);
    // Rerunning from the edited turn replaces what was stale below it.
    store.getState().rerunFrom(2);
    expect(store.getState().staleTurns).toEqual([]);
  });

  it("keeps the marks on the right turns when one is deleted, and undo restores them", () => {
    const store = conversation(3);
    store.getState().editTurn(0, "Question 1, edited");
    expect(store.getState().staleTurns).toEqual([1, 3, 5]);
    store.getState().deleteTurn(1);
    expect(store.getState().staleTurns).toEqual([2, 4]);
    store.getState().undo();
    expect(store.getState().staleTurns).toEqual([1, 3, 5]);
    store.getState().clearConversation();
    expect(store.getState().staleTurns).toEqual([]);
  });
});
