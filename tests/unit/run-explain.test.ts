import { describe, expect, it } from "vitest";
import {
  describeOutcome,
  explainBlockedPrompt,
  explainFinish,
  explainRefusal,
} from "@/lib/run/explain";
import { initialRunState, type RunState } from "@/lib/run/reducer";
import { toSegments } from "@/lib/run/segments";

function state(patch: Partial<RunState>): RunState {
  return { ...initialRunState(), status: "done", ...patch };
}

describe("explanations", () => {
  it("explains a blocked prompt, naming the reason", () => {
    const text = explainBlockedPrompt(state({ blockReason: "PROHIBITED_CONTENT" }));
    expect(text).toMatch(/^The prompt was blocked \(PROHIBITED_CONTENT\)\./);
    expect(explainRefusal(state({ blockReason: "PROHIBITED_CONTENT" }))).toBe(text);
  });

  it("names the flagged categories of a prompt blocked for SAFETY", () => {
    const text = explainBlockedPrompt(
      state({
        blockReason: "SAFETY",
        promptSafetyRatings: [{ category: "HARM_CATEGORY_DANGEROUS_CONTENT", blocked: true }],
      }),
    );
    expect(text).toContain("dangerous content");
  });

  it("names the blocked category of a SAFETY finish", () => {
    const s = state({
      finishReason: "SAFETY",
      safetyRatings: [
        { category: "HARM_CATEGORY_HATE_SPEECH", probability: "LOW", blocked: true },
        { category: "HARM_CATEGORY_HARASSMENT", probability: "NEGLIGIBLE" },
      ],
    });
    expect(explainFinish(s)).toContain("hate speech");
    expect(explainFinish(s)).not.toContain("harassment");
    expect(explainRefusal(s)).toBe(explainFinish(s));
  });

  it("explains MAX_TOKENS and RECITATION, and is silent for STOP", () => {
    expect(explainFinish(state({ finishReason: "MAX_TOKENS" }))).toMatch(/output token limit/);
    expect(explainFinish(state({ finishReason: "RECITATION" }))).toMatch(/reciting/);
    expect(explainFinish(state({ finishReason: "STOP" }))).toBeNull();
    // A cut-off answer carries its note in its footer, not in an alert…
    const cut = state({ finishReason: "MAX_TOKENS", parts: [{ kind: "text", text: "Once" }] });
    expect(explainRefusal(cut)).toBeNull();
    // …but one that ended before any answer has no footer: the alert area says why.
    expect(explainRefusal(state({ finishReason: "MAX_TOKENS" }))).toMatch(/output token limit/);
    expect(explainRefusal(state({ finishReason: "STOP" }))).toBeNull();
  });

  it("says when thinking used up the output limit before any answer, and what to change", () => {
    const thinking = state({
      finishReason: "MAX_TOKENS",
      parts: [
        { kind: "thought", text: "Weighing the options" },
        { kind: "text", text: "" },
      ],
      usage: { promptTokenCount: 9, thoughtsTokenCount: 10, totalTokenCount: 19 },
    });
    expect(explainFinish(thinking)).toBe(
      "The model spent the whole output limit (10 tokens) thinking, so no answer was left: thoughts count toward Max output tokens. Raise Max output tokens or lower the thinking budget (or level), then run again.",
    );
    // Once the answer began, it is an ordinary cut-off.
    const cut = { ...thinking, parts: [...thinking.parts, { kind: "text" as const, text: "The" }] };
    expect(explainFinish(cut)).toMatch(/^The answer reached the output token limit/);
  });

  it("describes the outcome with the browser's total time, the server's only without it", () => {
    const s = state({
      meta: {
        requestId: "r",
        model: "m",
        simulated: false,
        timing: { firstChunkMs: 100, totalMs: 1234 },
      },
      usage: { promptTokenCount: 12, candidatesTokenCount: 400, totalTokenCount: 432 },
    });
    expect(describeOutcome(s)).toBe("Done · 1.2 s");
    expect(describeOutcome(s, 1_530)).toBe("Done · 1.5 s");
    expect(describeOutcome(state({ status: "stopped" }), 812.4)).toBe("Stopped · 812 ms");
    expect(describeOutcome(state({ status: "stopped" }), 12_500)).toBe("Stopped · 13 s");
    expect(describeOutcome(initialRunState())).toBe("Running…");
    expect(describeOutcome({ ...initialRunState(), chunks: 1 })).toBe("Streaming…");
    const background = { requestId: "r", model: "m", simulated: true, background: { id: "b" } };
    expect(describeOutcome({ ...initialRunState(), chunks: 3, meta: background })).toBe(
      "Running in background…",
    );
  });

  it("never says Done for a refusal or a cut-off", () => {
    expect(describeOutcome(state({ blockReason: "SAFETY" }), 300)).toBe("Prompt blocked · 300 ms");
    expect(describeOutcome(state({ finishReason: "SAFETY" }))).toBe("Answer blocked");
    expect(describeOutcome(state({ finishReason: "MAX_TOKENS" }))).toBe(
      "Cut off at the output limit",
    );
    expect(describeOutcome(state({ finishReason: "RECITATION" }))).toBe("Ended early");
    expect(describeOutcome(state({ status: "error" }))).toBe("Error");
  });
});

describe("toSegments", () => {
  it("joins adjacent text parts split by a signature into one markdown segment", () => {
    const segments = toSegments([
      { kind: "thought", text: "Hmm. " },
      { kind: "thought", text: "Ok." },
      { kind: "text", text: "| a |\n|---|\n" },
      { kind: "text", text: "| 1 |\n", thoughtSignature: "c2ln" },
      { kind: "functionCall", name: "f", args: {} },
      { kind: "text", text: "", thoughtSignature: "dGFpbA==" },
    ]);
    expect(segments.map((s) => s.kind)).toEqual(["thoughts", "markdown", "part"]);
    expect(segments[1]).toMatchObject({ kind: "markdown", text: "| a |\n|---|\n| 1 |\n" });
  });
});
