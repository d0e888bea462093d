import {
  type ApiError,
  type GenerateContentParameters,
  HarmBlockThreshold,
  type HarmCategory,
} from "@google/genai";
import { describe, expect, it } from "vitest";
import { errorBody, setupEmulatorServer, user } from "./emulator-fixture";

const { client, server } = setupEmulatorServer();

const BAD_REQUEST = "type.googleapis.com/google.rpc.BadRequest";

async function failure(params: GenerateContentParameters): Promise<ApiError> {
  try {
    await client().models.generateContent(params);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error("expected Gemini to refuse the request");
}

/** The SDK drops config keys it does not know; `extraBody` merges raw JSON into the wire body. */
const wire = (extraBody: Record<string, unknown>) => ({ httpOptions: { extraBody } });

const base = { model: "gemini-2.5-flash", contents: user("Validate me") };

describe("requests Gemini cannot parse, through @google/genai", () => {
  it.each([
    {
      what: "a misspelled generationConfig field",
      config: wire({ generationConfig: { temprature: 0.5 } }),
      field: "generation_config",
      message: `Invalid JSON payload received. Unknown name "temprature" at 'generation_config': Cannot find field.`,
    },
    {
      what: "a top-level field the API lacks",
      config: wire({ stream: true }),
      field: undefined,
      message: 'Invalid JSON payload received. Unknown name "stream": Cannot find field.',
    },
    {
      what: "an extra key in a part",
      config: wire({ contents: [{ role: "user", parts: [{ text: "Hi", colour: "red" }] }] }),
      field: "contents[0].parts[0]",
      message: `Invalid JSON payload received. Unknown name "colour" at 'contents[0].parts[0]': Cannot find field.`,
    },
    {
      // The SDK strips additionalProperties from `parameters` itself, so it goes in raw.
      what: "additionalProperties in a function's OpenAPI parameters",
      config: wire({
        tools: [
          {
            functionDeclarations: [
              {
                name: "get_weather",
                parameters: {
                  type: "OBJECT",
                  properties: { city: { type: "STRING" } },
                  additionalProperties: false,
                },
              },
            ],
          },
        ],
      }),
      field: "tools[0].function_declarations[0].parameters",
      message: `Invalid JSON payload received. Unknown name "additionalProperties" at 'tools[0].function_declarations[0].parameters': Cannot find field.`,
    },
    {
      what: "an unknown harm category",
      config: {
        safetySettings: [
          {
            category: "HARM_CATEGORY_FOO" as HarmCategory,
            threshold: HarmBlockThreshold.BLOCK_NONE,
          },
        ],
      },
      field: "safety_settings[0].category",
      message: `Invalid value at 'safety_settings[0].category' (type.googleapis.com/google.ai.generativelanguage.v1beta.HarmCategory), "HARM_CATEGORY_FOO"`,
    },
  ])(
    "refuses $what with 400, the message and its field violation",
    async ({ config, field, message }) => {
      const error = await failure({ ...base, config });
      expect(error.status).toBe(400);
      expect(errorBody(error)).toEqual({
        error: {
          code: 400,
          message,
          status: "INVALID_ARGUMENT",
          details: [
            {
              "@type": BAD_REQUEST,
              fieldViolations: [field ? { field, description: message } : { description: message }],
            },
          ],
        },
      });
    },
  );
});

describe("requests that parse but break Gemini's rules, through @google/genai", () => {
  // Google answers these with `* GenerateContentRequest.<path>: …` bullets and no details: the live
  // temperature and response_mime_type 400s quoted in lib/emulator/validation/schema-generation.ts
  // have none, nor does the capture of a rule refusal (10c).
  it.each([
    {
      what: "temperature 5",
      config: { temperature: 5 },
      message:
        "* GenerateContentRequest.generation_config.temperature: temperature must be in the range [0.0, 2.0].\n",
    },
    {
      what: "responseMimeType text/html",
      config: { responseMimeType: "text/html" },
      message:
        "* GenerateContentRequest.generation_config.response_mime_type: allowed mimetypes are `text/plain`, `application/json`, `application/xml`, `application/yaml` and `text/x.enum`.\n",
    },
  ])("refuses $what with 400 and Google's bullet", async ({ config, message }) => {
    const error = await failure({ ...base, config });
    expect(error.status).toBe(400);
    expect(errorBody(error)).toEqual({ error: { code: 400, message, status: "INVALID_ARGUMENT" } });
  });
});

describe("requests Gemini accepts, through @google/genai and raw REST", () => {
  it("takes any JSON Schema in parametersJsonSchema and responseJsonSchema", async () => {
    const schema = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      properties: { city: { type: "string", const: "Oslo" } },
      required: ["city"],
      additionalProperties: false,
    };
    const response = await client().models.generateContent({
      ...base,
      config: {
        tools: [{ functionDeclarations: [{ name: "get_weather", parametersJsonSchema: schema }] }],
      },
    });
    expect(response.functionCalls?.[0]?.name).toBe("get_weather");
    const structured = await client().models.generateContent({
      ...base,
      config: { responseMimeType: "application/json", responseJsonSchema: schema },
    });
    expect(JSON.parse(structured.text ?? "")).toMatchObject({ city: expect.any(String) });
  });

  it("reads snake_case field names like the camelCase ones", async () => {
    const response = await fetch(`${server().url}/v1beta/models/gemini-2.5-flash:generateContent`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-goog-api-key": "test-key" },
      body: JSON.stringify({
        system_instruction: { parts: [{ text: "Be brief" }] },
        contents: [{ role: "user", parts: [{ text: "Echo my settings" }] }],
        generation_config: { top_p: 0.25, response_mime_type: "text/plain" },
      }),
    });
    expect(response.status).toBe(200);
    const text = JSON.stringify(await response.json());
    expect(text).toContain("- Top P: 0.25");
    expect(text).toContain("- Response MIME type: text/plain");
  });

  it("names the v1 enum type on a v1 request", async () => {
    const error = await client("v1")
      .models.generateContent({
        ...base,
        config: {
          safetySettings: [{ category: "HARM_CATEGORY_FOO" as HarmCategory }],
        },
      })
      .catch((e: unknown) => e as ApiError);
    expect(errorBody(error).error.message).toContain(
      "(type.googleapis.com/google.ai.generativelanguage.v1.HarmCategory)",
    );
  });
});
