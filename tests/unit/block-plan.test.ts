import { parseMarkdownIntoBlocks } from "streamdown";
import { describe, expect, it } from "vitest";
import {
  type BlockPlan,
  EMPTY_PLAN,
  LARGE_BLOCK,
  largeBlockEnd,
  planBlocks,
  SETTLE_AT,
} from "@/components/answer/block-plan";
import { CORPUS_NAMES, corpusText } from "@/lib/emulator/native/corpus";

// The splitter the app uses (use-block-plan.ts): a stand-in could hide how real blocks end.
const plan = (previous: BlockPlan, text: string, streaming = true) =>
  planBlocks(previous, text, streaming, parseMarkdownIntoBlocks);

const covered = (p: BlockPlan) => p.settled.map((piece) => piece.text).join("") + p.tail.text;
const allPieces = (p: BlockPlan) => [...p.settled, p.tail];
const largeTexts = (p: BlockPlan) =>
  allPieces(p)
    .filter((piece) => piece.large)
    .map((piece) => piece.text);

/**
 * Feeds growing prefixes of `text` as a stream would, chunk sizes taken in turn from `sizes`,
 * and checks after every update what the person would notice if it broke: every character shown
 * exactly once and in order, and nothing already settled drawn again. Returns the plan after
 * the stream ends.
 */
function stream(
  text: string,
  sizes: readonly number[],
  onUpdate?: (p: BlockPlan, shown: string) => void,
): BlockPlan {
  let current = EMPTY_PLAN;
  let end = 0;
  for (let i = 0; end < text.length; i++) {
    end = Math.min(text.length, end + (sizes[i % sizes.length] ?? 1));
    const shown = text.slice(0, end);
    const next = plan(current, shown);
    expect(covered(next)).toBe(shown);
    expect(next.settled.length).toBeGreaterThanOrEqual(current.settled.length);
    expect(next.settled.slice(0, current.settled.length)).toEqual(current.settled);
    onUpdate?.(next, shown);
    current = next;
  }
  const done = plan(current, text, false);
  expect(covered(done)).toBe(text);
  expect(done.settled.slice(0, current.settled.length)).toEqual(current.settled);
  return done;
}

/** Irregular chunk sizes, as the network delivers them; large enough to keep the test quick. */
const NETWORK_CHUNKS = [733, 2_411, 97, 5_003, 1_024];

describe("planning a streamed answer", () => {
  it.each(CORPUS_NAMES)(
    "shows every character of the %s answer once, in order, at every update",
    (name) => {
      const text = corpusText(name);
      const done = stream(text, NETWORK_CHUNKS);
      // Once the answer is complete no block is still growing: none stays live as a large tail.
      expect(done.tail.large).toBe(false);
      expect(done.largeTailAt).toBe(0);
      expect(done.tail.text.length).toBeLessThanOrEqual(SETTLE_AT);
      // A re-render of the finished answer changes nothing.
      expect(plan(done, text, false)).toEqual(done);
    },
  );

  it("keeps that promise when the text arrives a few characters at a time", () => {
    const text = corpusText("mixed").slice(0, 24_000);
    const done = stream(text, [1, 3, 7, 16, 40, 2, 64]);
    expect(covered(done)).toBe(text);
  });

  it("keeps Windows line breaks, which the splitter normalizes, exactly as sent", () => {
    const text = corpusText("escapes").slice(0, 12_000).replace(/\n/g, "\r\n");
    const done = stream(text, NETWORK_CHUNKS);
    expect(covered(done)).toBe(text);
  });

  it("settles most of a long answer, so an update re-parses only its end", () => {
    const text = corpusText("paragraphs");
    let longestTail = 0;
    stream(text, NETWORK_CHUNKS, (p) => {
      longestTail = Math.max(longestTail, p.tail.text.length);
    });
    // The tail is the last blocks plus at most one chunk and the threshold: never the whole text.
    expect(longestTail).toBeLessThan(SETTLE_AT + Math.max(...NETWORK_CHUNKS) + 200);
  });

  it.each(CORPUS_NAMES)("splits the streamed %s answer as it would the finished text", (name) => {
    const text = corpusText(name);
    const streamed = stream(text, NETWORK_CHUNKS);
    const whole = plan(EMPTY_PLAN, text, false);
    expect(covered(whole)).toBe(text);
    // The same blocks are shown as source text either way. A streamed fenced block ends right
    // after its closing fence, while the splitter keeps the blank line after it: only that
    // trailing whitespace may differ.
    const trimmed = (p: BlockPlan) => largeTexts(p).map((t) => t.trimEnd());
    expect(trimmed(streamed)).toEqual(trimmed(whole));
  });
});

describe("blocks too long to format", () => {
  it("shows a 200,000-character line as one large block, while it grows and after", () => {
    const text = corpusText("line");
    let sawLargeTail = false;
    const done = stream(text, NETWORK_CHUNKS, (p, shown) => {
      if (shown.length >= LARGE_BLOCK) {
        expect(largeTexts(p).join("")).toBe(shown);
        sawLargeTail ||= p.tail.large;
      }
    });
    expect(sawLargeTail).toBe(true);
    expect(largeTexts(done)).toEqual([text]);
  });

  it("shows 100 kB of one-line JSON as a large block, and the sentence before it formatted", () => {
    const text = corpusText("json");
    const jsonLine = text.split("\n")[2] ?? "";
    expect(jsonLine.length).toBeGreaterThan(100_000);
    for (const p of [stream(text, NETWORK_CHUNKS), plan(EMPTY_PLAN, text, false)]) {
      const large = largeTexts(p);
      expect(large).toHaveLength(1);
      expect(large[0]?.trim()).toBe(jsonLine);
      expect(allPieces(p).find((piece) => piece.text.includes("Here is the export"))?.large).toBe(
        false,
      );
    }
  });

  it("ends a 5,000-line code block right after its closing fence, and formats the prose after it", () => {
    const text = corpusText("code");
    const open = text.indexOf("```ts");
    const close = text.lastIndexOf("\n```\n") + "\n```\n".length;
    let sawLiveFence = false;
    const done = stream(text, NETWORK_CHUNKS, (p, shown) => {
      // While the fence is open and long, it is shown as it arrives, unformatted.
      if (shown.length < close && shown.length - open > LARGE_BLOCK + 5_003) {
        expect(p.tail.large).toBe(true);
        expect(p.tail.text.startsWith("```ts")).toBe(true);
        sawLiveFence = true;
      }
    });
    expect(sawLiveFence).toBe(true);
    expect(largeTexts(done)).toEqual([text.slice(open, close)]);
    const after = allPieces(done).filter((piece) => piece.text.includes("It compiles as is."));
    expect(after).toHaveLength(1);
    expect(after[0]?.large).toBe(false);
  });

  it("ends a long fence that prose follows on the very next line", () => {
    const code = Array.from(
      { length: 400 },
      (_, i) => `  const value${i} = compute(${i}); // **not bold**`,
    );
    const text = [
      "Intro paragraph.",
      "",
      "```ts",
      ...code,
      "```",
      "After the code comes *formatted* prose.",
      "",
      "And one more paragraph.",
    ].join("\n");
    const fence = text.slice(text.indexOf("```ts"), text.lastIndexOf("```\n") + 4);
    expect(fence.length).toBeGreaterThan(LARGE_BLOCK);
    for (const sizes of [[1_000], [37, 501], [fence.length]]) {
      const done = stream(text, sizes);
      expect(largeTexts(done)).toEqual([fence]);
    }
  });

  it("shows a 1,000-row table as one large block, and the sentences around it formatted", () => {
    const text = corpusText("table");
    const rows = text.slice(text.indexOf("| # |"), text.lastIndexOf("|") + 1);
    for (const p of [stream(text, NETWORK_CHUNKS), plan(EMPTY_PLAN, text, false)]) {
      const large = largeTexts(p);
      expect(large).toHaveLength(1);
      expect(large[0]?.trim()).toBe(rows);
      for (const sentence of ["The full results:", "That is every row."]) {
        const piece = allPieces(p).find((x) => x.text.includes(sentence));
        expect(piece?.large).toBe(false);
      }
    }
  });

  it("ends a large table at a blank line holding spaces, wherever the stream cut it", () => {
    const rows = Array.from({ length: 400 }, (_, i) => `| ${i} | \`/srv/cache/${i}\` | ok |`);
    const table = `| n | path | status |\n|---|---|---|\n${rows.join("\n")}`;
    const text = `Results:\n\n${table}\n   \nNext paragraph, *formatted*.\n\nThe end.`;
    const blank = text.indexOf("\n   \n");
    for (let cut = blank - 2; cut <= blank + 6; cut++) {
      const done = stream(text, [cut, 40, 5_000]);
      const large = largeTexts(done);
      expect(large).toHaveLength(1);
      expect(large[0]?.trim()).toBe(table);
    }
  });

  it("shows a fence left open to the end as one large block once the answer ends", () => {
    const text = corpusText("open-fence");
    const done = stream(text, NETWORK_CHUNKS);
    expect(largeTexts(done)).toEqual([text.slice(text.indexOf("```python"))]);
  });

  it.each(["paragraphs", "escapes", "nested", "math"] as const)(
    "never shows %s prose as a large block",
    (name) => {
      const text = corpusText(name);
      const done = stream(text, NETWORK_CHUNKS, (p) => {
        expect(largeTexts(p)).toEqual([]);
      });
      expect(largeTexts(done)).toEqual([]);
      expect(largeTexts(plan(EMPTY_PLAN, text, false))).toEqual([]);
    },
  );
});

describe("an answer replaced while it streams", () => {
  it("starts over when citation markers are inserted into settled text", () => {
    const text = corpusText("mixed");
    let before = EMPTY_PLAN;
    for (let end = 5_000; end <= 30_000; end += 5_000) before = plan(before, text.slice(0, end));
    expect(before.settled.length).toBeGreaterThan(2);

    const marked = text.slice(0, 30_000).replace(/grows\./g, "grows.[1]");
    expect(marked).not.toBe(text.slice(0, 30_000));
    const after = plan(before, marked);
    expect(covered(after)).toBe(marked);
    expect(covered(plan(after, marked, false))).toBe(marked);
    // The large JSON line is still the one large block.
    expect(largeTexts(plan(after, marked, false))).toHaveLength(1);
  });

  it("formats a new answer that replaces one whose last block was large", () => {
    // The first answer is one growing 200,000-character line: nothing settled, a large tail.
    let p = EMPTY_PLAN;
    const line = corpusText("line");
    for (let end = 10_000; end <= 50_000; end += 10_000) p = plan(p, line.slice(0, end));
    expect(p.tail.large).toBe(true);

    const answer = corpusText("paragraphs").slice(0, 12_000);
    for (let end = 40; end <= answer.length; end += 1_500) {
      p = plan(p, answer.slice(0, end));
      expect(covered(p)).toBe(answer.slice(0, end));
      expect(largeTexts(p)).toEqual([]);
    }
  });

  it("starts over when the settled start is taken away", () => {
    const text = corpusText("escapes");
    const before = plan(EMPTY_PLAN, text, false);
    const shorter = text.slice(0, 500);
    const after = plan(before, shorter);
    expect(covered(after)).toBe(shorter);
  });
});

describe("largeBlockEnd", () => {
  const codeLines = Array.from({ length: 300 }, (_, i) => `let x${i} = "\`\`\`" + ${i};`).join(
    "\n",
  );

  /** Every way a stream could cut `text` in two around `around`: the end found must not vary. */
  function endAcrossCuts(text: string, around: number): (number | null)[] {
    const ends: (number | null)[] = [];
    for (let cut = around - 12; cut <= around + 12; cut++) {
      const first = largeBlockEnd(text.slice(0, cut), 0);
      ends.push(first ?? largeBlockEnd(text, cut));
    }
    return ends;
  }

  it("ends a fenced block after its closing fence line, wherever the stream cut it", () => {
    const text = `\`\`\`js\n${codeLines}\n\`\`\`\nprose after`;
    const end = text.indexOf("prose after");
    expect(largeBlockEnd(text, 0)).toBe(end);
    expect(new Set(endAcrossCuts(text, text.lastIndexOf("```")))).toEqual(new Set([end]));
  });

  it("finds the closing fence searching only new text", () => {
    const text = `\`\`\`js\n${codeLines}\n\`\`\`\nprose after`;
    const end = text.indexOf("prose after");
    const closing = text.lastIndexOf("\n```\n");
    expect(largeBlockEnd(text.slice(0, closing), 0)).toBeNull();
    expect(largeBlockEnd(text, closing)).toBe(end);
    expect(largeBlockEnd(text, Math.floor(closing / 2))).toBe(end);
  });

  it("does not end a fence at a shorter fence, or one of the other kind", () => {
    const text = `\`\`\`\`md\n\`\`\`\nnested\n\`\`\`\n~~~~\n${codeLines}\n\`\`\`\`\nafter`;
    expect(largeBlockEnd(text, 0)).toBe(text.indexOf("after"));
    const tilde = `~~~\n\`\`\`\n${codeLines}\n~~~\nafter`;
    expect(largeBlockEnd(tilde, 0)).toBe(tilde.indexOf("after"));
  });

  it("ends a closing fence with trailing spaces, wherever the stream cut it", () => {
    const text = `\`\`\`\n${codeLines}\n   \`\`\`\`     \t \nafter`;
    const end = text.indexOf("after");
    expect(largeBlockEnd(text, 0)).toBe(end);
    expect(new Set(endAcrossCuts(text, end))).toEqual(new Set([end]));
  });

  it("ends a table or paragraph at a blank line, wherever the stream cut it", () => {
    const rows = Array.from({ length: 200 }, (_, i) => `| ${i} | row ${i} |`).join("\n");
    for (const blank of ["\n\n", "\n   \n", "\n\t \n"]) {
      const text = `| n | name |\n|---|---|\n${rows}${blank}Next paragraph.\n\nLast.`;
      const end = text.indexOf("Next paragraph.");
      expect(largeBlockEnd(text, 0)).toBe(end);
      expect(new Set(endAcrossCuts(text, end))).toEqual(new Set([end]));
    }
  });

  it("is null while the block goes on", () => {
    expect(largeBlockEnd(corpusText("line").slice(0, 50_000), 40_000)).toBeNull();
    expect(largeBlockEnd(`\`\`\`py\n${codeLines}\n\`\`\``, 100)).toBeNull();
    expect(largeBlockEnd("| a |\n|---|\n| 1 |\n", 5)).toBeNull();
  });
});
