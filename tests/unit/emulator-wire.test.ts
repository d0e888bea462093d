import { describe, expect, it } from "vitest";
import { sseFrame, toPrettyJson, toStreamJson } from "@/lib/emulator/wire";

describe("emulator wire serializer", () => {
  const chunk = {
    candidates: [{ content: { parts: [{ text: "a <b> & c" }], role: "model" }, index: 0 }],
    usageMetadata: { promptTokenCount: 3, totalTokenCount: 3 },
  };

  it("writes stream JSON with a space after each colon and none after commas", () => {
    expect(toStreamJson(chunk)).toBe(
      '{"candidates": [{"content": {"parts": [{"text": "a \\u003cb\\u003e & c"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 3,"totalTokenCount": 3}}',
    );
  });

  it("keeps colons and commas inside strings untouched", () => {
    expect(toStreamJson({ text: 'x: 1, "y":2' })).toBe('{"text": "x: 1, \\"y\\":2"}');
  });

  it("omits undefined fields like JSON.stringify and round-trips through JSON.parse", () => {
    const value = { a: undefined, b: [1, null, "<>"], c: {} };
    const encoded = toStreamJson(value);
    expect(encoded).toBe('{"b": [1,null,"\\u003c\\u003e"],"c": {}}');
    expect(JSON.parse(encoded)).toEqual({ b: [1, null, "<>"], c: {} });
  });

  it("frames an event as data: JSON then CRLF CRLF, with no event line", () => {
    expect(sseFrame({ a: 1 })).toBe('data: {"a": 1}\r\n\r\n');
  });

  it("pretty-prints unary bodies with two spaces and escapes angle brackets", () => {
    expect(toPrettyJson({ text: "<x>", n: [1] })).toBe(
      '{\n  "text": "\\u003cx\\u003e",\n  "n": [\n    1\n  ]\n}',
    );
  });
});
