import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { commentLines, hereDocJson, printLiteral, shellWord } from "@/lib/codegen/literals";

/** Values printed as code: the same value back when the code is read, laid out as people write it. */
const AWKWARD = [
  "plain",
  "quotes ' and \"",
  "dollar $HOME \u0024{PATH} $(id) `id`",
  'backslashes \\ \\\\ \\n \\"',
  "line\nbreaks\r\tand tab",
  "unicode ✓ 😀 \u2028 \u2029 \u0000",
  "EOF",
];

describe("printLiteral", () => {
  const value = {
    model: "m",
    "not-an-identifier": [1, -2.5, true, null],
    __proto__key: { ok: 1 },
    nested: { list: AWKWARD },
  };

  it("prints JavaScript that evaluates to the value", () => {
    const source = printLiteral(value, { syntax: "js" });
    expect(new Function(`return (${source});`)()).toEqual(value);
  });

  it("keeps a __proto__ key a key", () => {
    const withProto = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const source = printLiteral(withProto, { syntax: "js" });
    expect(source).toContain('["__proto__"]');
    const read = new Function(`return (${source});`)();
    expect(Object.keys(read)).toEqual(["__proto__", "a"]);
    expect(read.polluted).toBeUndefined();
  });

  it("prints JSON that parses to the value", () => {
    expect(JSON.parse(printLiteral(value, { syntax: "json" }))).toEqual(value);
  });

  it("keeps what fits on one line and breaks the rest, one entry a line", () => {
    expect(printLiteral({ a: [1, 2], b: { c: "d" } }, { syntax: "js" })).toBe(
      '{ a: [1, 2], b: { c: "d" } }',
    );
    expect(printLiteral({ a: [1, 2], b: { c: "d" } }, { syntax: "json" })).toBe(
      '{"a": [1, 2], "b": {"c": "d"}}',
    );
    const long = { text: "x".repeat(50), more: "y".repeat(50) };
    expect(printLiteral(long, { syntax: "js" }, 2, 10)).toBe(
      `{\n    text: "${"x".repeat(50)}",\n    more: "${"y".repeat(50)}",\n  }`,
    );
    expect(printLiteral(long, { syntax: "json" })).toBe(
      `{\n  "text": "${"x".repeat(50)}",\n  "more": "${"y".repeat(50)}"\n}`,
    );
    expect(printLiteral({ empty: {}, none: [] }, { syntax: "js" })).toBe("{ empty: {}, none: [] }");
  });

  it("leaves out undefined members, as JSON does", () => {
    expect(printLiteral({ a: undefined, b: 1 }, { syntax: "js" })).toBe("{ b: 1 }");
  });

  it("prints an expression in place of a value", () => {
    const expression = (v: unknown) => (v === "$bytes" ? "image1" : undefined);
    expect(printLiteral({ data: "$bytes" }, { syntax: "js", expression })).toBe("{ data: image1 }");
  });

  it("refuses what has no literal", () => {
    expect(() => printLiteral({ n: Number.NaN }, { syntax: "json" })).toThrow(/no literal/);
    expect(() => printLiteral({ f: () => 1 }, { syntax: "js" })).toThrow(/no literal/);
  });
});

function bash(script: string): string {
  return execFileSync("bash", ["-c", script], { encoding: "utf8" });
}

describe("shell text", () => {
  it("quotes a word only when it needs it, and bash reads it back", () => {
    expect(shellWord("photo.png")).toBe("photo.png");
    for (const word of [...AWKWARD.filter((w) => !w.includes("\u0000")), "it's", "a b", ""]) {
      expect(bash(`printf %s ${shellWord(word)}`)).toBe(word);
    }
  });

  it("passes JSON through an unquoted here-document unchanged", () => {
    const json = printLiteral({ list: AWKWARD }, { syntax: "json", escape: hereDocJson });
    const read = bash(`cat <<EOF\n${json}\nEOF`);
    expect(JSON.parse(read)).toEqual({ list: AWKWARD });
    expect(json).toContain("\\n"); // JSON's own escapes stay readable
  });
});

describe("commentLines", () => {
  it("wraps each paragraph within the width, a blank comment line between them", () => {
    const lines = commentLines(["one two three four", "five\nsix"], "//", 14);
    expect(lines).toEqual(["// one two", "// three four", "//", "// five six"]);
  });
});
