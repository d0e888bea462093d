import { describe, expect, it } from "vitest";
import type { Turn } from "@/lib/prompt";
import type { RunEvent } from "@/lib/run/events";
import { runIndexBefore, withoutRunIndex } from "@/lib/store/conversation-slice";
import { DEFAULT_MODEL } from "@/lib/store/draft-slice";
import { newStore } from "./support/memory-storage";

const text = (role: Turn["role"], t: string): Turn => ({
  role,
  parts: [{ kind: "text", text: t }],
});
const done: RunEvent = { type: "done", data: {} };
const answer = (parts: object[]): RunEvent => ({
  type: "chunk",
  data: { candidates: [{ content: { role: "model", parts }, finishReason: "STOP" }] } as never,
});

/** A store holding user/model pairs, the model turns written by real (folded) runs. */
function conversation(pairs: number) {
  const store = newStore();
  for (let i = 1; i <= pairs; i++) {
    store.getState().setPromptText(`Question ${i}`);
    const id = store.getState().run() as string;
    store.getState().applyRunEvents(id, [answer([{ text: `Answer ${i}` }]), done]);
  }
  return store;
}

const texts = (store: ReturnType<typeof newStore>) =>
  store
    .getState()
    .draft.contents.map(
      (t) => `${t.role}:${t.parts.map((p) => ("text" in p ? p.text : p.kind)).join("")}`,
    );

describe("conversation editing", () => {
  it("edits a turn's text and forgets the run that no longer describes it", () => {
    const store = conversation(2);
    const before = store.getState().runByTurn;
    expect(Object.keys(before)).toEqual(["1", "3"]);
    store.getState().editTurn(1, "Answer one, fixed by hand");
    expect(texts(store)[1]).toBe("model:Answer one, fixed by hand");
    expect(store.getState().runByTurn).toEqual({ 3: before[3] });
    // Saving nothing into a text-only turn is refused.
    store.getState().editTurn(0, "");
    expect(texts(store)[0]).toBe("user:Question 1");
  });

  it("deletes a turn and moves the later turns' runs up", () => {
    const store = conversation(2);
    const runs = store.getState().runByTurn;
    store.getState().deleteTurn(0);
    expect(texts(store)).toEqual(["model:Answer 1", "user:Question 2", "model:Answer 2"]);
    expect(store.getState().runByTurn).toEqual({ 0: runs[1], 2: runs[3] });
  });

  it("switches a turn's role both ways", () => {
    const store = conversation(1);
    store.getState().switchTurnRole(1);
    expect(store.getState().draft.contents[1]?.role).toBe("user");
    expect(store.getState().runByTurn).toEqual({});
    store.getState().switchTurnRole(1);
    expect(store.getState().draft.contents[1]?.role).toBe("model");
  });

  it("reruns from a user turn: later turns go, and a run starts with the rest", () => {
    const store = conversation(3);
    store.getState().setPromptText("draft in the box");
    const id = store.getState().rerunFrom(2);
    const s = store.getState();
    expect(id).not.toBeNull();
    expect(texts(store)).toEqual(["user:Question 1", "model:Answer 1", "user:Question 2"]);
    expect(s.runs[id as string]?.request.contents).toEqual(s.draft.contents);
    expect(s.runs[id as string]?.state.status).toBe("streaming");
    expect(Object.keys(s.runByTurn)).toEqual(["1"]);
    expect(s.promptText).toBe("draft in the box");
    // Nothing else may change the conversation while it runs.
    expect(store.getState().rerunFrom(0)).toBeNull();
    store.getState().deleteTurn(0);
    expect(store.getState().draft.contents).toHaveLength(3);
  });

  it("reruns from a model turn by regenerating that answer", () => {
    const store = conversation(2);
    store.getState().rerunFrom(1);
    expect(texts(store)).toEqual(["user:Question 1"]);
  });

  it("adds the prompt box as a user or model turn without running", () => {
    const store = newStore();
    store.getState().setPromptText("What is 2+2?");
    store.getState().addPromptToChat("user");
    store.getState().setPromptText("4");
    store.getState().addPromptToChat("model");
    const s = store.getState();
    expect(s.draft.contents).toEqual([text("user", "What is 2+2?"), text("model", "4")]);
    expect(s.promptText).toBe("");
    expect(s.chatRunId).toBeNull();
    store.getState().addPromptToChat("model");
    expect(store.getState().draft.contents).toHaveLength(2);
  });

  it("answers function calls in one user turn and continues the run, signatures untouched", () => {
    const store = newStore();
    store.getState().setPromptText("Weather in Oslo and Paris?");
    const first = store.getState().run() as string;
    store.getState().applyRunEvents(first, [
      answer([
        {
          functionCall: { id: "a", name: "get_weather", args: { city: "Oslo" } },
          thoughtSignature: "c2ln",
        },
        { functionCall: { id: "b", name: "get_weather", args: { city: "Paris" } } },
      ]),
      done,
    ]);
    expect(store.getState().sendFunctionResponses([{ temp: 3 }])).toBeNull();
    const next = store.getState().sendFunctionResponses([{ temp: 3 }, { temp: 12 }]);
    const s = store.getState();
    expect(next).not.toBeNull();
    expect(s.draft.contents[1]?.parts[0]).toEqual({
      kind: "functionCall",
      id: "a",
      name: "get_weather",
      args: { city: "Oslo" },
      thoughtSignature: "c2ln",
    });
    expect(s.draft.contents[2]).toEqual({
      role: "user",
      parts: [
        { kind: "functionResponse", id: "a", name: "get_weather", response: { temp: 3 } },
        { kind: "functionResponse", id: "b", name: "get_weather", response: { temp: 12 } },
      ],
    });
    expect(s.runs[next as string]?.request.contents).toHaveLength(3);
  });

  it("starts a new prompt: empty draft, default model and settings, runs stopped", () => {
    const store = newStore();
    store.getState().setSystemInstruction("Be terse.");
    store.getState().changeModel("gemini-2.5-pro");
    store.getState().setTemperature(0.2);
    store.getState().setBuiltInTool("googleSearch", true);
    store.getState().setPromptText("Hi");
    const id = store.getState().run() as string;
    store.getState().setPromptText("unsent");
    store.getState().newPrompt();
    const s = store.getState();
    expect(s.draft).toEqual({
      version: 1,
      model: DEFAULT_MODEL,
      systemInstruction: "",
      contents: [],
      config: {},
      tools: {},
    });
    expect(s.promptText).toBe("");
    expect(s.modelSource).toBe("default");
    expect(s.chatRunId).toBeNull();
    expect(s.runs[id]).toBeUndefined();
  });
});

describe("run index bookkeeping", () => {
  it("shifts and cuts the turn → run map", () => {
    expect(withoutRunIndex({ 1: "a", 3: "b", 5: "c" }, 3)).toEqual({ 1: "a", 4: "c" });
    expect(runIndexBefore({ 1: "a", 3: "b", 5: "c" }, 4)).toEqual({ 1: "a", 3: "b" });
  });
});
