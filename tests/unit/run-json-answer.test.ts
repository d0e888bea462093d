import { describe, expect, it } from "vitest";
import {
  checkJsonAnswer,
  describeVerdict,
  firstViolation,
  toJsonPath,
} from "@/lib/run/json-answer";

const recipe = {
  type: "object",
  properties: {
    name: { type: "string" },
    minutes: { type: "integer", minimum: 1 },
    steps: { type: "array", items: { type: "string" }, minItems: 1 },
  },
  required: ["name", "minutes", "steps"],
};

describe("checkJsonAnswer", () => {
  it("accepts an answer that matches the schema and formats it", () => {
    const verdict = checkJsonAnswer('{"name":"Crêpes","minutes":20,"steps":["Mix","Fry"]}', recipe);
    expect(verdict).toEqual({
      kind: "valid",
      pretty:
        '{\n  "name": "Crêpes",\n  "minutes": 20,\n  "steps": [\n    "Mix",\n    "Fry"\n  ]\n}',
    });
    expect(describeVerdict(verdict)).toBe("Valid JSON");
  });

  it("names the first violation with its path and the validator's message", () => {
    const verdict = checkJsonAnswer('{"name":"Soup","minutes":"ten","steps":[3]}', recipe);
    expect(verdict.kind).toBe("invalid");
    if (verdict.kind !== "invalid") throw new Error("expected invalid");
    expect(verdict.path).toBe("$.minutes");
    expect(verdict.message).toMatch(/string.*integer/);
    expect(describeVerdict(verdict)).toBe("Invalid: $.minutes is a string, not an integer");
  });

  it("reports a nested array element and a missing required property", () => {
    const nested = checkJsonAnswer('{"name":"x","minutes":1,"steps":["ok",7]}', recipe);
    expect(nested.kind === "invalid" && nested.path).toBe("$.steps[1]");
    const missing = checkJsonAnswer('{"name":"x","steps":["a"]}', recipe);
    expect(missing.kind === "invalid" && missing.path).toBe("$");
    expect(missing.kind === "invalid" && missing.message).toMatch(/minutes/);
    expect(describeVerdict(missing)).toBe('Invalid: the answer is missing "minutes"');
    expect(describeVerdict(nested)).toBe("Invalid: $.steps[1] is a number, not a string");
  });

  it("says Invalid JSON for text that does not parse", () => {
    const verdict = checkJsonAnswer('{"name": "unterminated', recipe);
    expect(verdict.kind).toBe("unparsable");
    expect(describeVerdict(verdict)).toBe("Invalid JSON");
  });

  it("checks only well-formedness without a schema", () => {
    expect(checkJsonAnswer("[1, 2]").kind).toBe("valid");
  });

  it("still shows the JSON when the schema itself can't be compiled", () => {
    const verdict = checkJsonAnswer('{"a":1}', { $ref: "#/$defs/missing" });
    expect(verdict).toMatchObject({ kind: "unchecked", pretty: '{\n  "a": 1\n}' });
    expect(describeVerdict(verdict)).toBe("Valid JSON (schema not checked)");
  });
});

describe("toJsonPath and firstViolation", () => {
  it("turns JSON pointers into readable paths", () => {
    expect(toJsonPath("#")).toBe("$");
    expect(toJsonPath("#/items/0/name")).toBe("$.items[0].name");
    expect(toJsonPath("#/odd key/a~1b")).toBe('$["odd key"]["a/b"]');
  });

  it("skips the summary errors that only point at a more specific one", () => {
    const first = firstViolation([
      { instanceLocation: "#", keywordLocation: "#/properties", error: "Property does not match." },
      { instanceLocation: "#/a", keywordLocation: "#/properties/a/type", error: "Wrong type." },
      { instanceLocation: "#", keywordLocation: "#/required", error: "Missing b." },
    ]);
    expect(first?.error).toBe("Wrong type.");
  });
});
