import { describe, expect, it } from "vitest";
import {
  byteToCharIndex,
  citationMarker,
  citationPoints,
  withCitations,
} from "@/lib/run/citations";
import type { RunGrounding } from "@/lib/run/grounding";
import type { RunPart } from "@/lib/run/reducer";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/** Grounding whose supports end right after each of `spans` within `text`, as Gemini reports them. */
function groundingFor(text: string, spans: [string, number[]][]): RunGrounding {
  return {
    groundingChunks: [
      { web: { uri: "https://example.org/one", title: "One" } },
      { web: { uri: "https://example.org/two", title: "Two" } },
    ],
    groundingSupports: spans.map(([span, indices]) => {
      const at = text.indexOf(span);
      return {
        segment: {
          startIndex: bytes(text.slice(0, at)),
          endIndex: bytes(text.slice(0, at + span.length)),
          text: span,
        },
        groundingChunkIndices: indices,
      };
    }),
  };
}

describe("byteToCharIndex", () => {
  it("walks UTF-8 bytes: 2-byte °, 3-byte €, 4-byte emoji (a UTF-16 pair)", () => {
    const text = "69°F €5 😀!";
    expect(byteToCharIndex(text, 0)).toBe(0);
    expect(byteToCharIndex(text, bytes("69°"))).toBe("69°".length);
    expect(byteToCharIndex(text, bytes("69°F €"))).toBe("69°F €".length);
    expect(byteToCharIndex(text, bytes("69°F €5 😀"))).toBe("69°F €5 😀".length);
    expect(byteToCharIndex(text, bytes(text))).toBe(text.length);
  });

  it("moves an offset inside a character to its end and clamps past the end", () => {
    expect(byteToCharIndex("°x", 1)).toBe(1);
    expect(byteToCharIndex("ab", 99)).toBe(2);
  });
});

describe("withCitations", () => {
  it("puts markers right after each supported sentence, also after non-ASCII text", () => {
    const text = "Il fait 21°C à Brest. Marée haute à 6h10 😀. Vent faible.";
    const grounding = groundingFor(text, [
      ["Il fait 21°C à Brest.", [0]],
      ["Marée haute à 6h10 😀.", [1, 0]],
    ]);
    const [part] = withCitations([{ kind: "text", text }], grounding);
    const out = (part as { text: string }).text;
    const one = citationMarker([1], grounding);
    const both = citationMarker([1, 2], grounding);
    expect(out).toBe(`Il fait 21°C à Brest.${one} Marée haute à 6h10 😀.${both} Vent faible.`);
  });

  it("counts offsets across text parts, skips thoughts, and leaves other parts alone", () => {
    const first = "Première phrase été. ";
    const second = "Deuxième « phrase ».";
    const grounding = groundingFor(first + second, [
      ["Première phrase été.", [0]],
      ["Deuxième « phrase ».", [1]],
    ]);
    const parts: RunPart[] = [
      { kind: "thought", text: "thinking about ünïcode" },
      { kind: "text", text: first, thoughtSignature: "c2ln" },
      { kind: "functionCall", name: "noop", args: {} },
      { kind: "text", text: second },
    ];
    const out = withCitations(parts, grounding);
    expect(out[0]).toBe(parts[0]);
    expect(out[2]).toBe(parts[2]);
    expect(out[1]).toEqual({
      kind: "text",
      text: `Première phrase été.${citationMarker([1], grounding)} `,
      thoughtSignature: "c2ln",
    });
    expect(out[3]).toEqual({ kind: "text", text: `${second}${citationMarker([2], grounding)}` });
  });

  it("returns the same parts without supports, and never changes the input", () => {
    const parts: RunPart[] = [{ kind: "text", text: "Plain." }];
    expect(withCitations(parts, undefined)).toBe(parts);
    expect(withCitations(parts, { groundingChunks: [] })).toBe(parts);
    withCitations(parts, groundingFor("Plain.", [["Plain.", [0]]]));
    expect(parts[0]).toEqual({ kind: "text", text: "Plain." });
  });

  it("groups supports ending at the same place and sorts them", () => {
    const points = citationPoints({
      groundingSupports: [
        { segment: { endIndex: 30 }, groundingChunkIndices: [2] },
        { segment: { endIndex: 10 }, groundingChunkIndices: [1] },
        { segment: { endIndex: 30 }, groundingChunkIndices: [0, 2] },
        { segment: { endIndex: 40 }, groundingChunkIndices: [] },
      ],
    });
    expect(points).toEqual([
      [10, [2]],
      [30, [1, 3]],
    ]);
  });
});

describe("citationMarker", () => {
  it("links http(s) sources with escaped attributes and leaves others unlinked", () => {
    const marker = citationMarker([1, 2], {
      groundingChunks: [
        { web: { uri: 'https://example.org/q?a=1&b="2"', title: 'A <b> & "c"' } },
        { web: { uri: "javascript:alert(1)", title: "bad" } },
      ],
    });
    expect(marker).toBe(
      '<sup><a href="https://example.org/q?a=1&#38;b=%222%22" title="Source 1: A &#60;b&#62; &#38; &#34;c&#34;">1</a>, 2</sup>',
    );
  });
});
