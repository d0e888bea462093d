import { describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/run/events";
import { createPlaygroundStore } from "@/lib/store/create-store";
import { canSendChat, isChatRunning } from "@/lib/store/runs-slice";

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    storage: {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    },
  };
}

function newStore() {
  const { storage } = memoryStorage();
  return createPlaygroundStore({ storage: () => storage });
}

const chunk = (parts: object[], finishReason?: string): RunEvent => ({
  type: "chunk",
  data: {
    candidates: [{ content: { role: "model", parts }, ...(finishReason ? { finishReason } : {}) }],
  } as never,
});
const done: RunEvent = { type: "done", data: {} };

describe("run()", () => {
  it("is impossible with nothing to send", () => {
    const store = newStore();
    expect(canSendChat(store.getState())).toBe(false);
    expect(store.getState().run()).toBeNull();
    store.getState().setPromptText("   ");
    expect(canSendChat(store.getState())).toBe(false);
  });

  it("appends the prompt box as a user turn, clears it and starts a run with the whole document", () => {
    const store = newStore();
    store.getState().setSystemInstruction("Be brief.");
    store.getState().setPromptText("What is 6 x 7?");
    const id = store.getState().run();
    const s = store.getState();
    expect(id).not.toBeNull();
    expect(s.promptText).toBe("");
    expect(s.draft.contents).toEqual([
      { role: "user", parts: [{ kind: "text", text: "What is 6 x 7?" }] },
    ]);
    expect(s.chatRunId).toBe(id);
    expect(s.runs[id as string]?.request).toEqual(s.draft);
    expect(s.runs[id as string]?.request.systemInstruction).toBe("Be brief.");
    expect(isChatRunning(s)).toBe(true);
    // No second run while one streams.
    store.getState().setPromptText("again");
    expect(canSendChat(store.getState())).toBe(false);
    expect(store.getState().run()).toBeNull();
  });

  it("appends the finished answer as a model turn, signatures included, so the next run sends it", () => {
    const store = newStore();
    store.getState().setPromptText("Count to three");
    const first = store.getState().run() as string;
    store.getState().applyRunEvents(first, [chunk([{ text: "1, 2" }])]);
    // Streaming output is not in the conversation yet.
    expect(store.getState().draft.contents).toHaveLength(1);
    store
      .getState()
      .applyRunEvents(first, [
        chunk([{ text: ", 3" }]),
        chunk([{ text: "", thoughtSignature: "c2lnbmF0dXJl" }], "STOP"),
        done,
      ]);
    const s = store.getState();
    expect(s.runs[first]?.state.status).toBe("done");
    expect(s.runs[first]?.committed).toBe(true);
    expect(s.draft.contents[1]).toEqual({
      role: "model",
      parts: [
        { kind: "text", text: "1, 2, 3" },
        { kind: "text", text: "", thoughtSignature: "c2lnbmF0dXJl" },
      ],
    });
    expect(s.runByTurn[1]).toBe(first);

    store.getState().setPromptText("And to four?");
    const second = store.getState().run() as string;
    const request = store.getState().runs[second]?.request;
    expect(request?.contents.map((t) => t.role)).toEqual(["user", "model", "user"]);
    expect(request?.contents[1]?.parts[1]).toEqual({
      kind: "text",
      text: "",
      thoughtSignature: "c2lnbmF0dXJl",
    });
  });

  it("keeps partial output when stopped and appends it", () => {
    const store = newStore();
    store.getState().setPromptText("Write a long story");
    const id = store.getState().run() as string;
    store.getState().applyRunEvents(id, [chunk([{ text: "Once upon" }])]);
    store.getState().stop();
    const s = store.getState();
    expect(s.runs[id]?.state.status).toBe("stopped");
    expect(s.runs[id]?.endedAt).toBeTypeOf("number");
    expect(s.draft.contents.at(-1)).toEqual({
      role: "model",
      parts: [{ kind: "text", text: "Once upon" }],
    });
    // Late events from the aborted stream change nothing.
    store.getState().applyRunEvents(id, [chunk([{ text: " a time" }]), done]);
    expect(store.getState().draft.contents).toHaveLength(2);
  });

  it("leaves a failed run out of the conversation; Run with an empty box re-sends the user turn", () => {
    const store = newStore();
    store.getState().setPromptText("Hello");
    const id = store.getState().run() as string;
    store.getState().applyRunEvents(id, [
      {
        type: "error",
        data: {
          code: "rate_limit:gemini",
          message: "Slow down.",
          status: 429,
          retryable: true,
          retryAfterMs: 1000,
        },
      },
      done,
    ]);
    let s = store.getState();
    expect(s.runs[id]?.state.status).toBe("error");
    expect(s.draft.contents).toHaveLength(1);
    expect(canSendChat(s)).toBe(true);

    const again = store.getState().run() as string;
    s = store.getState();
    expect(again).not.toBe(id);
    expect(s.draft.contents).toHaveLength(1);
    expect(s.runs[again]?.request.contents).toEqual(s.draft.contents);
  });

  it("retry() re-sends without taking the prompt box", () => {
    const store = newStore();
    store.getState().setPromptText("Hello");
    const id = store.getState().run() as string;
    store
      .getState()
      .applyRunEvents(id, [
        { type: "error", data: { code: "internal", message: "x", status: 0, retryable: true } },
      ]);
    store.getState().setPromptText("a draft of the next message");
    const retried = store.getState().retry();
    expect(retried).not.toBeNull();
    expect(store.getState().promptText).toBe("a draft of the next message");
    expect(store.getState().draft.contents).toHaveLength(1);
  });

  it("does not append an empty answer (a blocked prompt)", () => {
    const store = newStore();
    store.getState().setPromptText("Something refused");
    const id = store.getState().run() as string;
    store
      .getState()
      .applyRunEvents(id, [
        { type: "chunk", data: { promptFeedback: { blockReason: "PROHIBITED_CONTENT" } } as never },
        done,
      ]);
    const s = store.getState();
    expect(s.runs[id]?.state.status).toBe("done");
    expect(s.runs[id]?.state.blockReason).toBe("PROHIBITED_CONTENT");
    expect(s.draft.contents).toHaveLength(1);
  });

  it("clears the conversation and stops a running answer", () => {
    const store = newStore();
    store.getState().setPromptText("Hi");
    const id = store.getState().run() as string;
    store.getState().clearConversation();
    const s = store.getState();
    expect(s.runs[id]?.state.status).toBe("stopped");
    expect(s.draft.contents).toEqual([]);
    expect(s.chatRunId).toBeNull();
  });
});

describe("run timing", () => {
  it("records when the first chunk was read, once, as the caller timed it", () => {
    const store = newStore();
    store.getState().setPromptText("Time me");
    const id = store.getState().run() as string;
    const { startedAt } = store.getState().runs[id] ?? { startedAt: 0 };
    store
      .getState()
      .applyRunEvents(id, [
        { type: "meta", data: { requestId: "r", model: "m", simulated: true } },
      ]);
    expect(store.getState().runs[id]?.firstChunkAt).toBeUndefined();
    store.getState().applyRunEvents(id, [chunk([{ text: "a" }])], { firstChunkAt: startedAt + 42 });
    store
      .getState()
      .applyRunEvents(id, [chunk([{ text: "b" }]), done], { firstChunkAt: startedAt + 99 });
    const run = store.getState().runs[id];
    expect(run?.firstChunkAt).toBe(startedAt + 42);
    expect(run?.endedAt).toBeGreaterThanOrEqual(startedAt);
  });
});

describe("settings", () => {
  it("sets and unsets the temperature without pinning undefined", () => {
    const store = newStore();
    store.getState().setTemperature(0.35);
    expect(store.getState().draft.config).toEqual({ temperature: 0.35 });
    store.getState().setTemperature(undefined);
    expect(store.getState().draft.config).toEqual({});
  });

  it("clamps the temperature to the new model's maximum", () => {
    const store = newStore();
    store.getState().setCatalog({
      status: "ready",
      simulated: true,
      models: [
        {
          id: "img-model",
          displayName: "Img",
          kind: "image",
          supportedActions: ["generateContent"],
          // As every catalogue lists a model that samples: a default and a maximum.
          temperature: 1,
          maxTemperature: 1,
        },
      ],
    });
    store.getState().setTemperature(1.6);
    store.getState().changeModel("img-model");
    expect(store.getState().draft.model).toBe("img-model");
    expect(store.getState().modelSource).toBe("user");
    expect(store.getState().draft.config.temperature).toBe(1);
  });
});
