import { describe, expect, it } from "vitest";
import {
  type CompareDoc,
  columnRequest,
  compareFromPrompt,
  newColumn,
} from "@/lib/compare/document";
import { type ColumnRun, compareResults, resultsFileName } from "@/lib/compare/results";
import { userTextTurn } from "@/lib/prompt";
import { emptyPromptDoc } from "@/lib/prompt/text";
import type { RunState } from "@/lib/run/reducer";

function setup(): CompareDoc {
  const doc = compareFromPrompt({
    ...emptyPromptDoc("gemini-2.5-flash"),
    contents: [userTextTurn("Name a colour.")],
  });
  return { ...doc, columns: [...doc.columns, newColumn("gemini-2.5-pro")] };
}

const answered = (text: string, tokens: number): RunState => ({
  status: "done",
  parts: [{ kind: "text", text }],
  chunks: 2,
  finishReason: "STOP",
  usage: { promptTokenCount: 5, candidatesTokenCount: tokens, totalTokenCount: 5 + tokens },
});

function runOf(doc: CompareDoc, i: number, state: RunState, startedAt: number): ColumnRun {
  const column = doc.columns[i];
  if (!column) throw new Error(`no column ${i}`);
  return {
    request: columnRequest(doc, column),
    state,
    startedAt,
    firstChunkAt: startedAt + 100,
    endedAt: startedAt + 900,
  };
}

describe("a compare round's results (lib/compare/results)", () => {
  it("holds each column's request, answer and figures, in the setup's order", () => {
    const doc = setup();
    const runs = new Map([
      [doc.columns[2]?.id, runOf(doc, 2, answered("Teal.", 3), 2_000)],
      [doc.columns[0]?.id, runOf(doc, 0, answered("Red.", 2), 1_000)],
    ]);
    const results = compareResults(doc, (id) => runs.get(id));
    expect(results?.setup).toBe(doc);
    // The column that never ran is left out; the others keep the setup's order.
    expect(results?.columns.map((c) => c.columnId)).toEqual([
      doc.columns[0]?.id,
      doc.columns[2]?.id,
    ]);
    expect(results?.columns[1]?.request.model).toBe("gemini-2.5-pro");
    expect(results?.columns[1]?.state.parts).toEqual([{ kind: "text", text: "Teal." }]);
    expect(results?.columns[0]?.stats).toMatchObject({
      ttftMs: 100,
      totalMs: 900,
      outputTokens: 2,
    });
    expect(results?.endedAt).toBe(2_900);
  });

  it("is plain JSON: it reads back equal", () => {
    const doc = setup();
    const run = runOf(doc, 0, answered("Red.", 2), 1_000);
    const results = compareResults(doc, (id) => (id === doc.columns[0]?.id ? run : undefined));
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
  });

  it("is not there while a column streams, nor before any ran", () => {
    const doc = setup();
    const streaming = { ...runOf(doc, 0, answered("Re", 1), 1_000), endedAt: undefined };
    streaming.state = { ...streaming.state, status: "streaming" };
    const done = runOf(doc, 1, answered("Blue.", 2), 1_000);
    const runs = new Map([
      [doc.columns[0]?.id, streaming],
      [doc.columns[1]?.id, done],
    ]);
    expect(compareResults(doc, (id) => runs.get(id))).toBeNull();
    expect(compareResults(doc, () => undefined)).toBeNull();
  });

  it("names its file by when the round ended", () => {
    expect(resultsFileName(new Date(2026, 11, 7, 3, 5).getTime())).toBe(
      "compare-2026-12-07-0305.json",
    );
  });
});
