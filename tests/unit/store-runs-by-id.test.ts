import { describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/run/events";
import { initialRunState } from "@/lib/run/reducer";
import { createPlaygroundStore } from "@/lib/store/create-store";
import { type RunRecord, runById } from "@/lib/store/runs-slice";

const chunk = (text: string): RunEvent => ({
  type: "chunk",
  data: { candidates: [{ content: { role: "model", parts: [{ text }] } }] } as never,
});
const done: RunEvent = { type: "done", data: {} };
const failed: RunEvent = {
  type: "error",
  data: { code: "rate_limit:gemini", message: "Slow down.", status: 429, retryable: true },
};

/** A run that is not the chat's, as a compare column will start it: a record under its own id. */
function addRun(store: ReturnType<typeof createPlaygroundStore>, id: string, model: string) {
  const record: RunRecord = {
    id,
    request: { ...store.getState().draft, model },
    state: initialRunState(),
    startedAt: Date.now(),
    committed: false,
  };
  store.setState((s) => ({ runs: { ...s.runs, [id]: record } }));
}

const text = (store: ReturnType<typeof createPlaygroundStore>, id: string) =>
  runById(store.getState(), id)
    ?.state.parts.map((p) => (p.kind === "text" ? p.text : ""))
    .join("");

describe("runs by id", () => {
  it("streams two runs in one store independently", () => {
    const store = createPlaygroundStore({ storage: () => undefined });
    addRun(store, "left", "gemini-2.5-flash");
    addRun(store, "right", "gemini-2.5-pro");
    const { applyRunEvents } = store.getState();

    applyRunEvents("left", [chunk("Hello")]);
    applyRunEvents("right", [chunk("Bonjour")]);
    applyRunEvents("left", [chunk(", world"), done]);
    expect(text(store, "left")).toBe("Hello, world");
    expect(text(store, "right")).toBe("Bonjour");
    expect(runById(store.getState(), "left")?.state.status).toBe("done");
    expect(runById(store.getState(), "right")?.state.status).toBe("streaming");

    applyRunEvents("right", [failed]);
    const s = store.getState();
    expect(runById(s, "right")?.state.status).toBe("error");
    expect(runById(s, "right")?.state.error?.message).toBe("Slow down.");
    // The finished one is untouched by the other's failure, and neither is the chat's answer.
    expect(runById(s, "left")?.state.status).toBe("done");
    expect(runById(s, "left")?.endedAt).toBeTypeOf("number");
    expect(s.draft.contents).toEqual([]);
    expect(s.chatRunId).toBeNull();
  });

  it("lets a run stream beside the chat's; only the chat's joins the conversation", () => {
    const store = createPlaygroundStore({ storage: () => undefined });
    store.getState().setPromptText("Hi");
    const chat = store.getState().run() as string;
    addRun(store, "side", "gemini-2.5-pro");
    const { applyRunEvents, stop } = store.getState();

    applyRunEvents("side", [chunk("Side answer")]);
    applyRunEvents(chat, [chunk("Chat answer"), done]);
    stop("side");
    const s = store.getState();
    expect(runById(s, chat)?.state.status).toBe("done");
    expect(runById(s, "side")?.state.status).toBe("stopped");
    expect(text(store, "side")).toBe("Side answer");
    expect(s.draft.contents.map((t) => t.role)).toEqual(["user", "model"]);
    expect(s.draft.contents[1]?.parts).toEqual([{ kind: "text", text: "Chat answer" }]);
    expect(runById(s, "side")?.committed).toBe(false);
  });

  it("reads nothing for no id or an unknown one", () => {
    const s = createPlaygroundStore({ storage: () => undefined }).getState();
    expect(runById(s, null)).toBeUndefined();
    expect(runById(s, "nope")).toBeUndefined();
  });
});
