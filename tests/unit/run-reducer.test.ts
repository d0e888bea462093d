import { describe, expect, it } from "vitest";
import type { ChunkData, RunEvent } from "@/lib/run/events";
import { answerText, foldRunActions, initialRunState, type RunAction } from "@/lib/run/reducer";

/** Chunks shaped like Gemini's streamGenerateContent output (values are our own). */
function chunk(parts: object[] | undefined, extra: Record<string, unknown> = {}): RunEvent {
  const { finishReason, finishMessage, safetyRatings, usage, ...top } = extra;
  const candidate: Record<string, unknown> = { content: parts ? { parts, role: "model" } : {} };
  if (finishReason) candidate.finishReason = finishReason;
  if (finishMessage) candidate.finishMessage = finishMessage;
  if (safetyRatings) candidate.safetyRatings = safetyRatings;
  candidate.index = 0;
  const data = {
    candidates: [candidate],
    usageMetadata: usage ?? { promptTokenCount: 12, totalTokenCount: 12 },
    modelVersion: "gemini-2.5-flash",
    responseId: "resp-abc",
    ...top,
  } as ChunkData;
  return { type: "chunk", data };
}

const meta: RunEvent = {
  type: "meta",
  data: { requestId: "req-1", model: "gemini-2.5-flash", simulated: true },
};
const done: RunEvent = { type: "done", data: {} };

function fold(actions: RunAction[]) {
  return foldRunActions(initialRunState(), actions);
}

describe("runReducer", () => {
  it("merges consecutive text deltas into one text part and keeps the latest usage", () => {
    const state = fold([
      meta,
      chunk([{ text: "Alpha\nBe" }], {
        usage: {
          promptTokenCount: 9,
          candidatesTokenCount: 4,
          totalTokenCount: 30,
          thoughtsTokenCount: 17,
        },
      }),
      chunk([{ text: "ta\nGam" }], {
        usage: {
          promptTokenCount: 9,
          candidatesTokenCount: 8,
          totalTokenCount: 34,
          thoughtsTokenCount: 17,
        },
      }),
      chunk([{ text: "ma" }], {
        finishReason: "STOP",
        usage: {
          promptTokenCount: 9,
          candidatesTokenCount: 10,
          totalTokenCount: 36,
          thoughtsTokenCount: 17,
        },
      }),
      { type: "meta", data: { ...meta.data, timing: { firstChunkMs: 210, totalMs: 1234 } } },
      done,
    ]);
    expect(state.status).toBe("done");
    expect(state.parts).toEqual([{ kind: "text", text: "Alpha\nBeta\nGamma" }]);
    expect(state.finishReason).toBe("STOP");
    expect(state.usage?.totalTokenCount).toBe(36);
    expect(state.usage?.candidatesTokenCount).toBe(10);
    expect(state.modelVersion).toBe("gemini-2.5-flash");
    expect(state.responseId).toBe("resp-abc");
    expect(state.chunks).toBe(3);
    expect(state.meta).toEqual({
      requestId: "req-1",
      model: "gemini-2.5-flash",
      simulated: true,
      timing: { firstChunkMs: 210, totalMs: 1234 },
    });
  });

  it("folds thoughts into thought parts and keeps a mid-stream signature on its text part", () => {
    const state = fold([
      chunk([{ text: "**Planning**\n\nFirst I", thought: true }]),
      chunk([{ text: " weigh the options.\n", thought: true }]),
      chunk([{ text: "Here is", thoughtSignature: "c2lnLW9uZQ==" }]),
      chunk([{ text: " the answer." }], { finishReason: "STOP" }),
      done,
    ]);
    expect(state.parts).toEqual([
      { kind: "thought", text: "**Planning**\n\nFirst I weigh the options.\n" },
      { kind: "text", text: "Here is the answer.", thoughtSignature: "c2lnLW9uZQ==" },
    ]);
    expect(answerText(state.parts)).toBe("Here is the answer.");
  });

  it("keeps an empty final part that only carries a signature, verbatim", () => {
    const signature = "RW1wdHktdGFpbC1zaWduYXR1cmU+/+==";
    const state = fold([
      chunk([{ text: "The total is " }]),
      chunk([{ text: "**42**." }]),
      chunk([{ text: "", thoughtSignature: signature }], { finishReason: "STOP" }),
      done,
    ]);
    expect(state.parts).toEqual([
      { kind: "text", text: "The total is **42**." },
      { kind: "text", text: "", thoughtSignature: signature },
    ]);
    // The signature travels into the conversation so the next run sends it back.
    expect(state.parts).toContainEqual({
      kind: "text",
      text: "",
      thoughtSignature: signature,
    });
  });

  it("maps function calls (args default to {}) and drops empty unsigned text", () => {
    const state = fold([
      chunk([{ functionCall: { name: "lookup_city", args: {} }, thoughtSignature: "ZmMtc2ln" }]),
      chunk([{ functionCall: { id: "call-2", name: "get_weather", args: { city: "Oslo" } } }]),
      chunk([{ functionCall: { name: "no_args" } }]),
      chunk([{ text: "" }], {
        finishReason: "STOP",
        finishMessage: "Model generated function call(s).",
      }),
      done,
    ]);
    expect(state.parts).toEqual([
      { kind: "functionCall", name: "lookup_city", args: {}, thoughtSignature: "ZmMtc2ln" },
      { kind: "functionCall", id: "call-2", name: "get_weather", args: { city: "Oslo" } },
      { kind: "functionCall", name: "no_args", args: {} },
    ]);
    expect(state.finishMessage).toBe("Model generated function call(s).");
  });

  it("maps code execution parts, with ids and outcomes, around the answer text", () => {
    const state = fold([
      chunk([
        {
          executableCode: { language: "PYTHON", code: "print(6 * 7)", id: "x1" },
          thoughtSignature: "Y29kZQ==",
        },
        { text: "" },
      ]),
      chunk([{ codeExecutionResult: { outcome: "OUTCOME_OK", output: "42\n", id: "x1" } }]),
      chunk([{ text: "It prints 42." }], { finishReason: "STOP" }),
      done,
    ]);
    expect(state.parts).toEqual([
      {
        kind: "executableCode",
        id: "x1",
        language: "PYTHON",
        code: "print(6 * 7)",
        thoughtSignature: "Y29kZQ==",
      },
      { kind: "codeExecutionResult", id: "x1", outcome: "OUTCOME_OK", output: "42\n" },
      { kind: "text", text: "It prints 42." },
    ]);
  });

  it("keeps no raw inline media: a document references stored media by hash", () => {
    const state = fold([
      chunk([
        { text: "A drawing:\n\n" },
        { inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" }, thoughtSignature: "aW1n" },
      ]),
      done,
    ]);
    expect(state.parts).toEqual([{ kind: "text", text: "A drawing:\n\n" }]);
  });

  it("records a blocked prompt (a chunk without candidates)", () => {
    const state = fold([
      {
        type: "chunk",
        data: {
          promptFeedback: { blockReason: "PROHIBITED_CONTENT" },
          usageMetadata: { promptTokenCount: 7, totalTokenCount: 7 },
          modelVersion: "gemini-2.5-flash",
          responseId: "blocked-1",
        } as ChunkData,
      },
      done,
    ]);
    expect(state.status).toBe("done");
    expect(state.blockReason).toBe("PROHIBITED_CONTENT");
    expect(state.parts).toEqual([]);
    expect(state.usage?.totalTokenCount).toBe(7);
  });

  it("records a SAFETY finish with an empty content and its ratings", () => {
    const state = fold([
      chunk(undefined, {
        finishReason: "SAFETY",
        safetyRatings: [
          { category: "HARM_CATEGORY_HATE_SPEECH", probability: "MEDIUM", blocked: true },
          { category: "HARM_CATEGORY_HARASSMENT", probability: "NEGLIGIBLE" },
        ],
      }),
      done,
    ]);
    expect(state.finishReason).toBe("SAFETY");
    expect(state.parts).toEqual([]);
    expect(state.safetyRatings?.[0]).toEqual({
      category: "HARM_CATEGORY_HATE_SPEECH",
      probability: "MEDIUM",
      blocked: true,
    });
  });

  it("turns an error event into the error status, before or after chunks, and done keeps it", () => {
    const error = {
      code: "rate_limit:gemini" as const,
      message: "Gemini's rate limit was reached. Wait a moment and try again.",
      status: 429,
      googleStatus: "RESOURCE_EXHAUSTED",
      retryable: true,
      retryAfterMs: 2000,
    };
    const early = fold([meta, { type: "error", data: error }, done]);
    expect(early.status).toBe("error");
    expect(early.error).toEqual(error);

    const mid = fold([
      meta,
      chunk([{ text: "Part" }]),
      { type: "error", data: error },
      chunk([{ text: "ignored" }]),
      done,
    ]);
    expect(mid.status).toBe("error");
    expect(mid.parts).toEqual([{ kind: "text", text: "Part" }]);
  });

  it("stops: keeps partial output and ignores what arrives after", () => {
    const state = fold([
      chunk([{ text: "Half an ans" }]),
      { type: "stop" },
      chunk([{ text: "wer" }]),
      done,
    ]);
    expect(state.status).toBe("stopped");
    expect(state.parts).toEqual([{ kind: "text", text: "Half an ans" }]);
  });

  it("returns the same state object for actions that change nothing", () => {
    const finished = fold([chunk([{ text: "x" }]), done]);
    expect(foldRunActions(finished, [{ type: "stop" }, done])).toBe(finished);
  });
});
