import { Validator } from "@cfworker/json-schema";
import { FunctionCallingConfigMode, type GenerateContentResponse } from "@google/genai";
import { describe, expect, it } from "vitest";
import { setupEmulatorServer, user } from "./emulator-fixture";

const { client, server } = setupEmulatorServer();

const weatherSchema = {
  type: "object",
  properties: {
    city: { type: "string", minLength: 2 },
    unit: { type: "string", enum: ["celsius", "fahrenheit"] },
    days: { type: "integer", minimum: 1, maximum: 7 },
    hourly: { type: "array", items: { type: "number", minimum: 0 }, minItems: 3 },
    window: {
      type: "object",
      properties: {
        from: { type: "string", format: "date" },
        to: { type: "string", format: "date" },
      },
      required: ["from", "to"],
    },
  },
  required: ["city", "unit", "window"],
  additionalProperties: false,
};
const timeSchema = {
  type: "object",
  properties: { timezone: { type: "string", pattern: "^[A-Z][a-z]+/[A-Z][a-z]+$" } },
  required: ["timezone"],
};
const tools = [
  {
    functionDeclarations: [
      {
        name: "get_time",
        description: "Current time in a timezone",
        parametersJsonSchema: timeSchema,
      },
      {
        name: "get_weather",
        description: "Weather forecast for a city",
        parametersJsonSchema: weatherSchema,
      },
      { name: "list_alerts", description: "Active alerts, no arguments" },
    ],
  },
];
const schemas: Record<string, object> = { get_time: timeSchema, get_weather: weatherSchema };

function valid(name: string, args: unknown) {
  const schema = schemas[name] ?? { type: "object", maxProperties: 0 };
  return new Validator(schema as never, "2020-12", false).validate(args);
}

async function collect(stream: AsyncGenerator<GenerateContentResponse>) {
  const chunks: GenerateContentResponse[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe("function calling through @google/genai", () => {
  it("calls the function the prompt means, with args that validate, signed on a thinking model", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: user("Will I need an umbrella? Show the forecast for Lisbon."),
      config: { tools },
    });
    const [call] = response.functionCalls ?? [];
    expect(response.functionCalls).toHaveLength(1);
    expect(call?.name).toBe("get_weather");
    expect(call?.id).toBeUndefined();
    expect(valid("get_weather", call?.args).errors).toEqual([]);
    expect(call?.args?.city).toBe("Lisbon");
    const part = response.candidates?.[0]?.content?.parts?.[0];
    expect(part?.thoughtSignature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(response.candidates?.[0]?.finishReason).toBe("STOP");
    expect(response.candidates?.[0]?.finishMessage).toBeUndefined();
  });

  it("streams parallel Gemini 3 calls: distinct functions, only the first signed, then an empty STOP part", async () => {
    const chunks = await collect(
      await client().models.generateContentStream({
        model: "gemini-3-flash-preview",
        contents: user("Weather and time in Lisbon, please.\n#emulator calls=4"),
        config: { tools },
      }),
    );
    expect(chunks).toHaveLength(2);
    const parts = chunks[0]?.candidates?.[0]?.content?.parts ?? [];
    // "time" is mentioned and get_time is declared first, so it leads; the rest follow in order.
    expect(parts.map((p) => p.functionCall?.name)).toEqual([
      "get_time",
      "get_weather",
      "list_alerts",
      "get_time",
    ]);
    expect(parts.map((p) => p.thoughtSignature !== undefined)).toEqual([true, false, false, false]);
    for (const part of parts) {
      expect(valid(part.functionCall?.name ?? "", part.functionCall?.args).errors).toEqual([]);
    }
    expect(parts[2]?.functionCall?.args).toEqual({});
    expect(parts[3]?.functionCall?.args).not.toEqual(parts[0]?.functionCall?.args);
    const last = chunks[1]?.candidates?.[0];
    expect(last?.content?.parts).toEqual([{ text: "" }]);
    expect(last?.finishReason).toBe("STOP");
  });

  it("says 'Model generated function call(s).' on a Gemini 3 unary answer (raw wire)", async () => {
    const response = await client().models.generateContent({
      model: "gemini-3-pro-preview",
      contents: user("Any alerts right now?"),
      config: { tools },
    });
    expect(response.functionCalls?.map((c) => c.name)).toEqual(["list_alerts"]);
    expect(response.functionCalls?.[0]?.args).toEqual({});
    // @google/genai drops finishMessage when it parses Gemini API candidates, so read the wire.
    const raw = await fetch(`${server().url}/v1beta/models/gemini-3-pro-preview:generateContent`, {
      method: "POST",
      headers: { "x-goog-api-key": "test-key", "content-type": "application/json" },
      body: JSON.stringify({ contents: user("Any alerts right now?"), tools }),
    });
    const body = (await raw.json()) as { candidates: Record<string, unknown>[] };
    expect(Object.keys(body.candidates[0] ?? {})).toEqual([
      "content",
      "finishReason",
      "index",
      "finishMessage",
    ]);
    expect(body.candidates[0]?.finishMessage).toBe("Model generated function call(s).");
  });

  it("keeps ANY mode to the allowed functions and answers in text with mode NONE", async () => {
    const any = await client().models.generateContent({
      model: "gemini-2.0-flash",
      contents: user("Forecast for Lisbon"),
      config: {
        tools,
        toolConfig: {
          functionCallingConfig: {
            mode: FunctionCallingConfigMode.ANY,
            allowedFunctionNames: ["get_time"],
          },
        },
      },
    });
    expect(any.functionCalls?.map((c) => c.name)).toEqual(["get_time"]);
    expect(any.candidates?.[0]?.content?.parts?.[0]?.thoughtSignature).toBeUndefined();
    const none = await client().models.generateContent({
      model: "gemini-2.0-flash",
      contents: user("Forecast for Lisbon"),
      config: {
        tools,
        toolConfig: { functionCallingConfig: { mode: FunctionCallingConfigMode.NONE } },
      },
    });
    expect(none.functionCalls).toBeUndefined();
    expect(none.text).toContain("- Function calling: NONE");
    expect(none.text).toContain("- Tools: functions(get_time, get_weather, list_alerts)");
  });

  it("breaks the arguments on purpose with invalid=1", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.0-flash",
      contents: user("Forecast for Lisbon\n#emulator invalid=1"),
      config: { tools },
    });
    const [call] = response.functionCalls ?? [];
    expect(call?.name).toBe("get_weather");
    expect(valid("get_weather", call?.args).valid).toBe(false);
    expect(call?.args).not.toHaveProperty("city");
  });

  it("answers a functionResponse turn in text that quotes each result", async () => {
    const response = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: [
        { role: "user", parts: [{ text: "Weather and time in Lisbon?" }] },
        {
          role: "model",
          parts: [
            {
              functionCall: { name: "get_weather", args: { city: "Lisbon" } },
              thoughtSignature: "c2ln",
            },
            { functionCall: { name: "get_time", args: { timezone: "Europe/Lisbon" } } },
          ],
        },
        {
          role: "user",
          parts: [
            { functionResponse: { name: "get_weather", response: { temp: 21, sky: "clear" } } },
            { functionResponse: { name: "get_time", response: { time: "14:05" } } },
          ],
        },
      ],
      config: { tools },
    });
    expect(response.functionCalls).toBeUndefined();
    const text = response.text ?? "";
    expect(text).toContain('- Function response: get_weather returned `{"temp":21,"sky":"clear"}`');
    expect(text).toContain('- Function response: get_time returned `{"time":"14:05"}`');
    expect(text).toContain("- Turns: 3");
  });
});
