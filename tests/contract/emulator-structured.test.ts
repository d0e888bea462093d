import { Validator } from "@cfworker/json-schema";
import { Type } from "@google/genai";
import { describe, expect, it } from "vitest";
import { setupEmulatorServer, user } from "./emulator-fixture";

const { client } = setupEmulatorServer();

const recipeSchema = {
  type: "object",
  properties: {
    title: { type: "string" },
    servings: { type: "integer", minimum: 1, maximum: 12 },
    vegetarian: { type: "boolean" },
    difficulty: { type: "string", enum: ["easy", "medium", "hard"] },
    ingredients: {
      type: "array",
      minItems: 3,
      items: {
        type: "object",
        properties: { name: { type: "string" }, grams: { type: "number", exclusiveMinimum: 0 } },
        required: ["name", "grams"],
        additionalProperties: false,
      },
    },
  },
  required: ["title", "servings", "ingredients"],
  additionalProperties: false,
};

const validator = new Validator(recipeSchema as never, "2020-12", false);

describe("structured output through @google/genai", () => {
  it("answers JSON that validates against responseJsonSchema, streamed and unary alike", async () => {
    const request = {
      model: "gemini-2.5-flash",
      contents: user("A hard recipe for pancakes with blueberries"),
      config: { responseMimeType: "application/json", responseJsonSchema: recipeSchema },
    };
    const unary = await client().models.generateContent(request);
    const value = JSON.parse(unary.text ?? "");
    expect(validator.validate(value).errors).toEqual([]);
    expect(value.difficulty).toBe("hard");
    expect(value.ingredients).toHaveLength(3);
    let streamed = "";
    for await (const chunk of await client().models.generateContentStream(request))
      streamed += chunk.text ?? "";
    expect(streamed).toBe(unary.text);
  });

  it("breaks the schema on purpose with invalid=1, still as parseable JSON", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("A recipe\n#emulator invalid=1"),
      config: { responseMimeType: "application/json", responseJsonSchema: recipeSchema },
    });
    const value = JSON.parse(response.text ?? "");
    expect(validator.validate(value).valid).toBe(false);
    expect(value).not.toHaveProperty("title");
  });

  it("reads the legacy responseSchema (OpenAPI types, propertyOrdering)", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.0-flash",
      contents: user("Rate the film Vertigo"),
      config: {
        responseMimeType: "application/json",
        responseSchema: {
          type: Type.OBJECT,
          properties: {
            film: { type: Type.STRING },
            stars: { type: Type.INTEGER, minimum: 1, maximum: 5 },
            tags: { type: Type.ARRAY, items: { type: Type.STRING } },
          },
          propertyOrdering: ["stars", "film", "tags"],
          required: ["film", "stars"],
        },
      },
    });
    const value = JSON.parse(response.text ?? "");
    expect(Object.keys(value)).toEqual(["stars", "film", "tags"]);
    expect(value.film).toBe("Vertigo");
    expect(value.stars).toBeGreaterThanOrEqual(1);
    expect(value.stars).toBeLessThanOrEqual(5);
    expect(value.tags).toEqual([expect.any(String), expect.any(String)]);
  });

  it("answers one enum value as plain text for text/x.enum", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("Is this review negative? 'Dull and far too long.'"),
      config: {
        responseMimeType: "text/x.enum",
        responseSchema: { type: Type.STRING, enum: ["POSITIVE", "NEUTRAL", "NEGATIVE"] },
      },
    });
    expect(response.text).toBe("NEGATIVE");
  });

  it("echoes model and turns as JSON without a schema, and sends broken JSON with invalid=1", async () => {
    const plain = await client().models.generateContent({
      model: "gemini-2.0-flash",
      contents: user("Anything"),
      config: { responseMimeType: "application/json" },
    });
    expect(JSON.parse(plain.text ?? "")).toMatchObject({ model: "gemini-2.0-flash", turns: 1 });
    const broken = await client().models.generateContent({
      model: "gemini-2.0-flash",
      contents: user("Anything\n#emulator invalid=1"),
      config: { responseMimeType: "application/json" },
    });
    expect(() => JSON.parse(broken.text ?? "")).toThrow(SyntaxError);
  });
});
