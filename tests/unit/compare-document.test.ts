import { describe, expect, it } from "vitest";
import {
  type CompareDoc,
  columnRequest,
  compareFromPrompt,
  newColumn,
  overridesFrom,
  withColumnAnswer,
  withoutOverride,
} from "@/lib/compare/document";
import { bestColumns } from "@/lib/compare/metrics";
import { tally } from "@/lib/compare/tally";
import { wordDiff } from "@/lib/compare/word-diff";
import { userTextTurn } from "@/lib/prompt";
import { emptyPromptDoc } from "@/lib/prompt/text";
import { readCompareDoc } from "@/lib/store/saved-compare";

function setup(): CompareDoc {
  const shared = {
    ...emptyPromptDoc("gemini-2.5-flash"),
    systemInstruction: "Be brief.",
    contents: [userTextTurn("Name a colour.")],
    config: { temperature: 0.7, seed: 3 },
    tools: { googleSearch: true },
  };
  return compareFromPrompt(shared);
}

describe("the compare document", () => {
  it("starts two columns on the chat's model, sharing its whole prompt", () => {
    const doc = setup();
    expect(doc.columns).toHaveLength(2);
    for (const column of doc.columns) {
      expect(columnRequest(doc, column)).toEqual({ ...doc.shared });
    }
    expect(doc.columns[0]?.id).not.toBe(doc.columns[1]?.id);
  });

  it("builds a column's request from the shared prompt, its model, its settings and its turns", () => {
    const doc = setup();
    const column = {
      ...newColumn("gemini-2.5-pro"),
      config: { temperature: 0.2 },
      unset: ["seed", "googleSearch"],
      turns: [
        { role: "model" as const, parts: [{ kind: "text" as const, text: "Teal." }] },
        userTextTurn("Another?"),
      ],
    };
    const request = columnRequest(doc, column);
    expect(request.model).toBe("gemini-2.5-pro");
    expect(request.config).toEqual({ temperature: 0.2 });
    expect(request.tools).toEqual({});
    expect(request.systemInstruction).toBe("Be brief.");
    expect(request.contents.map((t) => t.role)).toEqual(["user", "model", "user"]);
    expect(columnRequest(doc, { ...column, systemInstruction: "Be long." }).systemInstruction).toBe(
      "Be long.",
    );
  });

  it("keeps as a column's own only what differs from the shared settings", () => {
    const { shared } = setup();
    const own = overridesFrom(shared, {
      config: { temperature: 0.7, topK: 5 },
      tools: { googleSearch: true, codeExecution: true },
    });
    expect(own).toEqual({ config: { topK: 5 }, tools: { codeExecution: true }, unset: ["seed"] });
    // And what it produces, merged back, is what was wanted.
    const column = { ...newColumn("gemini-2.5-flash"), ...own };
    const request = columnRequest({ ...setup(), shared }, column);
    expect(request.config).toEqual({ temperature: 0.7, topK: 5 });
    expect(request.tools).toEqual({ googleSearch: true, codeExecution: true });
  });

  it("resets one own setting back to the shared value", () => {
    const column = {
      ...newColumn("gemini-2.5-flash"),
      config: { temperature: 0.1, topP: 0.5 },
      unset: ["seed"],
      systemInstruction: "Own.",
    };
    expect(withoutOverride(column, "temperature").config).toEqual({ topP: 0.5 });
    expect(withoutOverride(column, "seed").unset).toEqual([]);
    expect(withoutOverride(column, "systemInstruction").systemInstruction).toBeUndefined();
  });

  it("appends an answer to its column only, and to no column once that one is gone", () => {
    const doc = setup();
    const answer = { role: "model" as const, parts: [{ kind: "text" as const, text: "Red." }] };
    const id = doc.columns[1]?.id as string;
    const next = withColumnAnswer(doc, id, answer);
    expect(next.columns[1]?.turns).toEqual([answer]);
    expect(next.columns[0]?.turns).toEqual([]);
    expect(withColumnAnswer(doc, "gone", answer)).toBe(doc);
  });

  it("reads a saved setup back, and refuses one that is malformed", () => {
    const doc = setup();
    expect(readCompareDoc(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
    expect(readCompareDoc({ ...doc, columns: doc.columns.slice(0, 1) })).toBeNull();
    expect(readCompareDoc({ ...doc, columns: [...doc.columns, { id: 3 }] })).toBeNull();
    expect(readCompareDoc({ ...doc, shared: { model: "" } })).toBeNull();
    expect(readCompareDoc("nope")).toBeNull();
  });
});

describe("the best figures across columns", () => {
  const stats = (ttftMs?: number, tokensPerSecond?: number) => ({
    ttftMs,
    tokensPerSecond,
    costUsd: null,
  });

  it("marks the lowest time and the highest speed, ties included", () => {
    const best = bestColumns([stats(300, 50), stats(200, 80), stats(200, 20)]);
    expect(best.ttftMs).toEqual([1, 2]);
    expect(best.tokensPerSecond).toEqual([1]);
  });

  it("marks nothing for one column's figure, a tie of all, or a column still running", () => {
    expect(bestColumns([stats(100), undefined]).ttftMs).toEqual([]);
    expect(bestColumns([stats(100), stats(100)]).ttftMs).toEqual([]);
    expect(bestColumns([stats(100), stats(90)]).costUsd).toEqual([]);
  });
});

describe("blind votes and the word diff", () => {
  it("tallies wins, ties and rounds per model, most wins first", () => {
    const rows = tally([
      { models: ["a", "b"], winner: "b", at: 1 },
      { models: ["a", "b"], winner: null, at: 2 },
      { models: ["a", "c"], winner: "a", at: 3 },
      { models: ["b", "c"], winner: "b", at: 4 },
    ]);
    expect(rows).toEqual([
      { model: "b", wins: 2, ties: 1, rounds: 3 },
      { model: "a", wins: 1, ties: 1, rounds: 3 },
      { model: "c", wins: 0, ties: 0, rounds: 2 },
    ]);
  });

  it("marks the words one answer adds and the other removes", () => {
    const pieces = wordDiff("The sky is blue today.", "The sky is very grey today.");
    expect(pieces?.filter((p) => p.change === "added").map((p) => p.text.trim())).toEqual([
      "very grey",
    ]);
    expect(pieces?.filter((p) => p.change === "removed").map((p) => p.text.trim())).toEqual([
      "blue",
    ]);
    expect(wordDiff("same", "same")?.every((p) => p.change === "same")).toBe(true);
  });
});
