import { Validator } from "@cfworker/json-schema";
import { describe, expect, it } from "vitest";
import { sampleSeedFor } from "@/lib/emulator/native/prompt-words";
import { violateSchema } from "@/lib/emulator/native/structured";
import { sampleValue } from "@/lib/emulator/schema/schema-values";
import type { JsonObject, JsonValue } from "@/lib/emulator/types";

const prompt = "What's the weather in Paris and London this weekend? Budget 300 euros.";
const seed = sampleSeedFor(prompt, "test");

function validate(schema: JsonObject, value: JsonValue) {
  return new Validator(schema as never, "2020-12", false).validate(value);
}

const SCHEMAS: Record<string, JsonObject> = {
  "flat object with required and enum": {
    type: "object",
    properties: {
      city: { type: "string" },
      unit: { type: "string", enum: ["celsius", "fahrenheit"] },
      days: { type: "integer", minimum: 1, maximum: 7 },
      detailed: { type: "boolean" },
    },
    required: ["city", "unit"],
    additionalProperties: false,
  },
  "nested objects and arrays with minItems": {
    type: "object",
    properties: {
      trip: {
        type: "object",
        properties: {
          stops: {
            type: "array",
            minItems: 3,
            maxItems: 5,
            items: {
              type: "object",
              properties: { name: { type: "string", minLength: 2 }, nights: { type: "integer" } },
              required: ["name", "nights"],
            },
          },
          budget: { type: "number", exclusiveMinimum: 0, maximum: 300 },
        },
        required: ["stops", "budget"],
      },
    },
    required: ["trip"],
  },
  "numbers: bounds, exclusives and multipleOf": {
    type: "object",
    properties: {
      a: { type: "integer", exclusiveMinimum: 10, exclusiveMaximum: 13 },
      b: { type: "number", minimum: 0.1, maximum: 0.2 },
      c: { type: "integer", multipleOf: 5, minimum: 7, maximum: 40 },
      d: { type: "number", exclusiveMaximum: -3 },
    },
    required: ["a", "b", "c", "d"],
  },
  "strings: formats, patterns and lengths": {
    type: "object",
    properties: {
      when: { type: "string", format: "date-time" },
      day: { type: "string", format: "date" },
      mail: { type: "string", format: "email" },
      link: { type: "string", format: "uri" },
      id: { type: "string", format: "uuid" },
      currency: { type: "string", pattern: "^[A-Z]{3}$" },
      postcode: { type: "string", pattern: "^\\d{5}(-\\d{4})?$" },
      code: { type: "string", pattern: "^(ab|cd)-[a-f0-9]{2,4}_x+$" },
      short: { type: "string", maxLength: 3 },
      long: { type: "string", minLength: 40 },
    },
    required: [
      "when",
      "day",
      "mail",
      "link",
      "id",
      "currency",
      "postcode",
      "code",
      "short",
      "long",
    ],
  },
  "$defs, $ref, allOf, anyOf, oneOf and const": {
    $defs: {
      place: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    },
    type: "object",
    properties: {
      from: { $ref: "#/$defs/place" },
      to: { allOf: [{ $ref: "#/$defs/place" }, { properties: { zip: { type: "string" } } }] },
      note: { anyOf: [{ type: "null" }, { type: "string", maxLength: 20 }] },
      mode: { oneOf: [{ const: "train" }, { type: "integer", minimum: 100 }] },
      tags: { type: "array", items: { enum: ["a", "b", "c"] }, uniqueItems: true, minItems: 3 },
    },
    required: ["from", "to", "note", "mode", "tags"],
  },
  "type arrays and a recursive tree": {
    $defs: {
      node: {
        type: "object",
        properties: {
          label: { type: ["string", "null"] },
          children: { type: "array", items: { $ref: "#/$defs/node" } },
        },
        required: ["label"],
      },
    },
    $ref: "#/$defs/node",
  },
  "top-level array of strings": { type: "array", items: { type: "string" }, minItems: 4 },
};

describe("schema value generator", () => {
  it.each(Object.entries(SCHEMAS))("makes values that validate: %s", (_name, schema) => {
    const value = sampleValue(schema, seed);
    expect(validate(schema, value).errors).toEqual([]);
  });

  it("validates for many salts, not only one lucky seed", () => {
    for (const [name, schema] of Object.entries(SCHEMAS)) {
      for (let i = 0; i < 25; i++) {
        const value = sampleValue(schema, { ...seed, salt: `salt-${i}`, shift: i });
        expect({ name, errors: validate(schema, value).errors }).toEqual({ name, errors: [] });
      }
    }
  });

  it("is deterministic and echoes prompt words", () => {
    const schema = SCHEMAS["flat object with required and enum"] as JsonObject;
    const value = sampleValue(schema, seed) as JsonObject;
    expect(sampleValue(schema, seed)).toEqual(value);
    expect(["Paris", "London"]).toContain(value.city);
    expect(Object.keys(value)).toEqual(["city", "unit", "days", "detailed"]);
  });

  it("prefers an enum value the prompt mentions", () => {
    const schema = { type: "string", enum: ["rome", "london", "paris"] };
    expect(sampleValue(schema, seed)).toBe("london");
  });

  it("reads the OpenAPI dialect: uppercase types and propertyOrdering", () => {
    const schema = {
      type: "OBJECT",
      properties: {
        score: { type: "INTEGER", minimum: 1, maximum: 5 },
        title: { type: "STRING", nullable: true },
        labels: { type: "ARRAY", items: { type: "STRING", format: "enum", enum: ["x", "y"] } },
      },
      propertyOrdering: ["title", "score", "labels"],
      required: ["score"],
    };
    const value = sampleValue(schema, seed) as JsonObject;
    expect(Object.keys(value)).toEqual(["title", "score", "labels"]);
    expect(value.score).toBeGreaterThanOrEqual(1);
    expect(value.score).toBeLessThanOrEqual(5);
    expect(typeof value.title).toBe("string");
    expect(value.labels).toEqual(expect.arrayContaining([expect.stringMatching(/^[xy]$/)]));
  });

  it("gives shifted calls different arguments", () => {
    const schema = SCHEMAS["flat object with required and enum"] as JsonObject;
    const first = sampleValue(schema, { ...seed, salt: "call", shift: 0 });
    const second = sampleValue(schema, { ...seed, salt: "call", shift: 1 });
    expect(second).not.toEqual(first);
  });
});

describe("deliberately invalid values", () => {
  it.each(Object.entries(SCHEMAS))("break the schema: %s", (_name, schema) => {
    const value = violateSchema(schema, sampleValue(schema, seed));
    expect(validate(schema, value).valid).toBe(false);
  });
});
