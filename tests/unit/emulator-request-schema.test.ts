import { describe, expect, it } from "vitest";
import { createEmulator } from "@/lib/emulator";
import type { JsonObject } from "@/lib/emulator/types";
import { ruleBullets } from "@/lib/emulator/validation/bad-request";
import { EmulatorApiError } from "@/lib/emulator/validation/errors";
import { validateRequestBody } from "@/lib/emulator/validation/request-body";
import { MESSAGES, REQUEST_MESSAGE_BY_METHOD } from "@/lib/emulator/validation/request-schema";
import { ENUMS } from "@/lib/emulator/validation/schema-enums";
import { walkRequest } from "@/lib/emulator/validation/schema-walk";

const hello = { contents: [{ role: "user", parts: [{ text: "Hello" }] }] };

function descriptions(body: unknown, message = "GenerateContentRequest") {
  return walkRequest(message, body as JsonObject).violations.map((v) => v.description);
}

function bullets(body: unknown) {
  return ruleBullets(walkRequest("GenerateContentRequest", body as JsonObject).problems, "R");
}

describe("the request tables", () => {
  it("resolve every message and enum they name, and say where each comes from", () => {
    for (const [name, spec] of Object.entries(MESSAGES)) {
      expect(spec.source, name).not.toBe("");
      for (const [field, fieldSpec] of Object.entries(spec.fields)) {
        if ("message" in fieldSpec) expect(MESSAGES[fieldSpec.message], field).toBeDefined();
        if ("mapOf" in fieldSpec) expect(MESSAGES[fieldSpec.mapOf], field).toBeDefined();
        if ("enum" in fieldSpec) expect(ENUMS[fieldSpec.enum], field).toBeDefined();
      }
    }
    for (const name of Object.values(REQUEST_MESSAGE_BY_METHOD)) {
      expect(MESSAGES[name]).toBeDefined();
    }
  });
});

describe("unknown fields", () => {
  it("are named at every depth, in snake_case paths with indices", () => {
    expect(
      descriptions({
        stream: true,
        contents: [{ role: "user", parts: [{ text: "Hi", colour: "red" }] }],
        generationConfig: { temprature: 0.5, thinkingConfig: { budget: 10 } },
        tools: [
          {
            functionDeclarations: [
              { name: "f", parameters: { type: "OBJECT", properties: { a: { kind: "x" } } } },
            ],
          },
        ],
      }),
    ).toEqual([
      'Invalid JSON payload received. Unknown name "stream": Cannot find field.',
      `Invalid JSON payload received. Unknown name "colour" at 'contents[0].parts[0]': Cannot find field.`,
      `Invalid JSON payload received. Unknown name "temprature" at 'generation_config': Cannot find field.`,
      `Invalid JSON payload received. Unknown name "budget" at 'generation_config.thinking_config': Cannot find field.`,
      `Invalid JSON payload received. Unknown name "kind" at 'tools[0].function_declarations[0].parameters.properties[0].value': Cannot find field.`,
    ]);
  });

  it("give a field violation naming the parent, none at the top level", () => {
    const { violations } = walkRequest("GenerateContentRequest", {
      stream: true,
      generationConfig: { temprature: 1 },
    });
    expect(violations).toEqual([
      { description: 'Invalid JSON payload received. Unknown name "stream": Cannot find field.' },
      {
        field: "generation_config",
        description: `Invalid JSON payload received. Unknown name "temprature" at 'generation_config': Cannot find field.`,
      },
    ]);
  });

  it("inside countTokens' generateContentRequest carry its path", () => {
    expect(
      descriptions({ generateContentRequest: { ...hello, extra: 1 } }, "CountTokensRequest"),
    ).toEqual([
      `Invalid JSON payload received. Unknown name "extra" at 'generate_content_request': Cannot find field.`,
    ]);
  });

  it("are checked for embeddings and Imagen, whose instances and parameters stay free", () => {
    expect(
      descriptions({ content: { parts: [{ text: "a" }] }, dims: 3 }, "EmbedContentRequest"),
    ).toEqual(['Invalid JSON payload received. Unknown name "dims": Cannot find field.']);
    expect(
      descriptions(
        { requests: [{ content: { parts: [{ text: "a" }] }, task: "x" }] },
        "BatchEmbedContentsRequest",
      ),
    ).toEqual([
      `Invalid JSON payload received. Unknown name "task" at 'requests[0]': Cannot find field.`,
    ]);
    const predict = { instances: [{ prompt: "A kite", anything: 1 }], parameters: { odd: true } };
    expect(descriptions(predict, "PredictRequest")).toEqual([]);
    expect(descriptions({ ...predict, prompt: "x" }, "PredictRequest")).toEqual([
      'Invalid JSON payload received. Unknown name "prompt": Cannot find field.',
    ]);
  });
});

describe("snake_case names", () => {
  it("are accepted and read as the camelCase ones", () => {
    const { body, violations } = walkRequest("GenerateContentRequest", {
      system_instruction: { parts: [{ text: "Be brief" }] },
      contents: [{ parts: [{ inline_data: { mime_type: "image/png", data: "iVBORw0KGgo=" } }] }],
      generation_config: {
        response_mime_type: "application/json",
        thinking_config: { thinking_budget: 0 },
      },
      tool_config: { function_calling_config: { mode: "ANY", allowed_function_names: ["f"] } },
    });
    expect(violations).toEqual([]);
    expect(body).toEqual({
      systemInstruction: { parts: [{ text: "Be brief" }] },
      contents: [{ parts: [{ inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } }] }],
      generationConfig: {
        responseMimeType: "application/json",
        thinkingConfig: { thinkingBudget: 0 },
      },
      toolConfig: { functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["f"] } },
    });
  });
});

describe("wrong types", () => {
  it.each([
    [
      { temperature: "hot" },
      `Invalid value at 'generation_config.temperature' (TYPE_FLOAT), "hot"`,
    ],
    [{ topK: 1.5 }, "Invalid value at 'generation_config.top_k' (TYPE_INT32), 1.5"],
    [{ topK: 2 ** 31 }, "Invalid value at 'generation_config.top_k' (TYPE_INT32), 2147483648"],
    [
      { responseLogprobs: "yes" },
      `Invalid value at 'generation_config.response_logprobs' (TYPE_BOOL), "yes"`,
    ],
    [
      { responseMimeType: 5 },
      "Invalid value at 'generation_config.response_mime_type' (TYPE_STRING), 5",
    ],
    [
      { candidateCount: { n: 1 } },
      "Invalid value at 'generation_config' (candidate_count), Starting an object on a scalar field",
    ],
    [
      { temperature: [1] },
      `Invalid JSON payload received. Unknown name "temperature" at 'generation_config': Proto field is not repeating, cannot start list.`,
    ],
    [
      { thinkingConfig: "HIGH" },
      `Invalid value at 'generation_config.thinking_config' (type.googleapis.com/google.ai.generativelanguage.v1beta.ThinkingConfig), "HIGH"`,
    ],
  ])("generationConfig %j", (generationConfig, message) => {
    expect(descriptions({ ...hello, generationConfig })).toEqual([message]);
  });

  it("refuses bytes that are not base64 and a list where a Struct belongs", () => {
    const parts = [
      { text: "x", thoughtSignature: "not base64!" },
      { functionResponse: { name: "f", response: [1, 2] } },
    ];
    expect(descriptions({ contents: [{ role: "model", parts }] })).toEqual([
      `Invalid value at 'contents[0].parts[0].thought_signature' (TYPE_BYTES), Base64 decoding failed for "not base64!"`,
      `Invalid JSON payload received. Unknown name "response" at 'contents[0].parts[1].function_response': Proto field is not repeating, cannot start list.`,
    ]);
  });

  it("reads numeric strings as numbers and null as unset, as proto JSON does", () => {
    const { body, violations } = walkRequest("GenerateContentRequest", {
      ...hello,
      generationConfig: { temperature: "0.5", topK: "40", seed: null },
    });
    expect(violations).toEqual([]);
    expect(body.generationConfig).toEqual({ temperature: 0.5, topK: 40 });
  });
});

describe("enums", () => {
  it("name the enum type in Google's words, per API version", () => {
    const body: JsonObject = {
      ...hello,
      safetySettings: [{ category: "HARM_CATEGORY_FOO", threshold: "OFF" }],
    };
    const message = (version: "v1beta" | "v1") =>
      walkRequest("GenerateContentRequest", body, version).violations[0]?.description;
    expect(message("v1beta")).toBe(
      `Invalid value at 'safety_settings[0].category' (type.googleapis.com/google.ai.generativelanguage.v1beta.HarmCategory), "HARM_CATEGORY_FOO"`,
    );
    expect(message("v1")).toContain(
      "(type.googleapis.com/google.ai.generativelanguage.v1.HarmCategory)",
    );
  });

  it("refuse the SDK's Vertex-only harm categories", () => {
    expect(
      descriptions({ ...hello, safetySettings: [{ category: "HARM_CATEGORY_IMAGE_HATE" }] }),
    ).toHaveLength(1);
  });

  it("are read in any case and come out canonical", () => {
    const { body, violations } = walkRequest("GenerateContentRequest", {
      ...hello,
      generationConfig: { responseModalities: ["Text", "image"] },
      tools: [{ functionDeclarations: [{ name: "f", parameters: { type: "object" } }] }],
    });
    expect(violations).toEqual([]);
    expect(body.generationConfig).toEqual({ responseModalities: ["TEXT", "IMAGE"] });
    expect(JSON.stringify(body.tools)).toContain('"type":"OBJECT"');
  });
});

describe("semantic rules, checked once the body parsed", () => {
  it.each([
    [
      { temperature: 5 },
      "* R.generation_config.temperature: temperature must be in the range [0.0, 2.0].\n",
    ],
    [
      { temperature: -0.1 },
      "* R.generation_config.temperature: temperature must be in the range [0.0, 2.0].\n",
    ],
    [{ topP: 1.5 }, "* R.generation_config.top_p: top_p must be in the range [0.0, 1.0].\n"],
    [{ topK: -1 }, "* R.generation_config.top_k: top_k must be non-negative.\n"],
    [
      { candidateCount: 9 },
      "* R.generation_config.candidate_count: candidate_count must be in the range [1, 8].\n",
    ],
    [
      { presencePenalty: 2 },
      "* R.generation_config.presence_penalty: presence_penalty must be in the range [-2.0, 2.0).\n",
    ],
    [
      { frequencyPenalty: -2.5 },
      "* R.generation_config.frequency_penalty: frequency_penalty must be in the range [-2.0, 2.0).\n",
    ],
    [{ logprobs: 21 }, "* R.generation_config.logprobs: logprobs must be in the range [0, 20].\n"],
    [
      { thinkingConfig: { thinkingBudget: 70000 } },
      "* R.generation_config.thinking_config.thinking_budget: thinking_budget must be in the range [-1, 65535]\n",
    ],
    [
      { responseMimeType: "text/html" },
      "* R.generation_config.response_mime_type: allowed mimetypes are `text/plain`, `application/json`, `application/xml`, `application/yaml` and `text/x.enum`.\n",
    ],
  ])("refuse %j", (generationConfig, bullet) => {
    expect(bullets({ ...hello, generationConfig })).toEqual([bullet]);
  });

  it("accept the edges, and the values proto3 reads as unset", () => {
    const generationConfig = {
      temperature: 2,
      topP: 0,
      topK: 0,
      candidateCount: 0,
      presencePenalty: -2,
      logprobs: 20,
      responseMimeType: "",
      thinkingConfig: { thinkingBudget: -1 },
    };
    expect(bullets({ ...hello, generationConfig })).toEqual([]);
  });

  it("allow only the harm categories the Gemini API takes, once each", () => {
    expect(bullets({ ...hello, safetySettings: [{ category: "HARM_CATEGORY_MEDICAL" }] })).toEqual([
      "* R.safety_settings[0]: element predicate failed: $.category in (HarmCategory.HARM_CATEGORY_HATE_SPEECH, HarmCategory.HARM_CATEGORY_SEXUALLY_EXPLICIT, HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT, HarmCategory.HARM_CATEGORY_HARASSMENT, HarmCategory.HARM_CATEGORY_CIVIC_INTEGRITY)\n",
    ]);
    const twice = { category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_NONE" };
    expect(bullets({ ...hello, safetySettings: [twice, twice] })).toEqual([
      "Multiple safety settings with the same category.",
    ]);
  });
});

describe("JSON Schema keywords", () => {
  const schema = {
    type: "object",
    $schema: "https://json-schema.org/draft/2020-12/schema",
    additionalProperties: false,
    properties: { city: { type: "string", const: "Oslo" } },
  };

  it("are refused in the OpenAPI Schema of parameters and responseSchema", () => {
    const declarations = [{ name: "weather", parameters: schema }];
    expect(descriptions({ ...hello, tools: [{ functionDeclarations: declarations }] })).toEqual([
      `Invalid JSON payload received. Unknown name "$schema" at 'tools[0].function_declarations[0].parameters': Cannot find field.`,
      `Invalid JSON payload received. Unknown name "additionalProperties" at 'tools[0].function_declarations[0].parameters': Cannot find field.`,
      `Invalid JSON payload received. Unknown name "const" at 'tools[0].function_declarations[0].parameters.properties[0].value': Cannot find field.`,
    ]);
    expect(descriptions({ ...hello, generationConfig: { responseSchema: schema } })).toHaveLength(
      3,
    );
  });

  it("are taken as they are by parametersJsonSchema and responseJsonSchema", () => {
    const body: JsonObject = {
      ...hello,
      tools: [{ functionDeclarations: [{ name: "weather", parametersJsonSchema: schema }] }],
      generationConfig: { responseMimeType: "application/json", responseJsonSchema: schema },
    };
    const walked = walkRequest("GenerateContentRequest", body);
    expect(walked.violations).toEqual([]);
    expect(walked.body).toEqual(body);
  });
});

describe("a request using every part of the table", () => {
  it("passes untouched", () => {
    const body: JsonObject = {
      model: "models/gemini-3-flash-preview",
      contents: [
        {
          role: "user",
          parts: [
            { text: "Look", mediaResolution: { level: "MEDIA_RESOLUTION_HIGH" } },
            { inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=", displayName: "a.png" } },
            {
              fileData: { mimeType: "video/mp4", fileUri: "https://x.invalid/files/abc" },
              videoMetadata: { startOffset: "1.5s", endOffset: "10s", fps: 2 },
            },
          ],
        },
        {
          role: "model",
          parts: [
            { text: "Plan", thought: true, thoughtSignature: "c2lnbmF0dXJl" },
            { functionCall: { id: "c1", name: "weather", args: { city: "Oslo" } } },
            { executableCode: { language: "PYTHON", code: "print(1)", id: "x1" } },
            { codeExecutionResult: { outcome: "OUTCOME_OK", output: "1\n", id: "x1" } },
            { text: "", thoughtSignature: "c2ln", partMetadata: { source: "a" } },
          ],
        },
        {
          role: "user",
          parts: [
            {
              functionResponse: {
                id: "c1",
                name: "weather",
                response: { temperature: 4 },
                parts: [{ inlineData: { mimeType: "image/png", data: "AAAA" } }],
                willContinue: false,
                scheduling: "WHEN_IDLE",
              },
            },
          ],
        },
      ],
      systemInstruction: { parts: [{ text: "Be brief" }] },
      tools: [
        {
          functionDeclarations: [
            {
              name: "weather",
              description: "Weather for a city",
              behavior: "BLOCKING",
              parameters: {
                type: "OBJECT",
                title: "Args",
                description: "Arguments",
                nullable: false,
                properties: {
                  city: {
                    type: "STRING",
                    enum: ["Oslo", "Bergen"],
                    format: "enum",
                    pattern: "^[A-Z]",
                  },
                  days: { type: "INTEGER", minimum: 1, maximum: 7, default: 1, example: 3 },
                  tags: {
                    type: "ARRAY",
                    items: { type: "STRING", minLength: "1", maxLength: 9 },
                    minItems: 0,
                    maxItems: "3",
                  },
                  either: { anyOf: [{ type: "STRING" }, { type: "NUMBER" }] },
                },
                required: ["city"],
                propertyOrdering: ["city", "days", "tags", "either"],
                minProperties: 1,
                maxProperties: 4,
              },
              response: { type: "OBJECT", properties: { ok: { type: "BOOLEAN" } } },
            },
            {
              name: "json",
              parametersJsonSchema: { type: "object" },
              responseJsonSchema: { type: "string" },
            },
          ],
        },
        {
          googleSearch: {
            timeRangeFilter: { startTime: "2025-01-01T00:00:00Z", endTime: "2025-12-31T00:00:00Z" },
          },
        },
        {
          googleSearchRetrieval: {
            dynamicRetrievalConfig: { mode: "MODE_DYNAMIC", dynamicThreshold: 0.3 },
          },
        },
        { codeExecution: {} },
        { urlContext: {} },
        { googleMaps: { enableWidget: true } },
        {
          fileSearch: {
            fileSearchStoreNames: ["fileSearchStores/a"],
            metadataFilter: "x",
            topK: 3,
          },
        },
        {
          computerUse: {
            environment: "ENVIRONMENT_BROWSER",
            excludedPredefinedFunctions: ["drag"],
          },
        },
      ],
      toolConfig: {
        functionCallingConfig: { mode: "VALIDATED", allowedFunctionNames: ["weather"] },
        retrievalConfig: { latLng: { latitude: 59.9, longitude: 10.7 }, languageCode: "nb" },
      },
      safetySettings: [
        { category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_ONLY_HIGH" },
        { category: "HARM_CATEGORY_CIVIC_INTEGRITY", threshold: "OFF" },
      ],
      generationConfig: {
        candidateCount: 1,
        stopSequences: ["END"],
        maxOutputTokens: 1024,
        temperature: 0.7,
        topP: 0.95,
        topK: 40,
        seed: 42,
        responseMimeType: "application/json",
        responseJsonSchema: { type: "object", additionalProperties: false },
        presencePenalty: 0.5,
        frequencyPenalty: -0.5,
        responseLogprobs: true,
        logprobs: 3,
        enableEnhancedCivicAnswers: false,
        responseModalities: ["TEXT", "IMAGE"],
        mediaResolution: "MEDIA_RESOLUTION_LOW",
        thinkingConfig: { includeThoughts: true, thinkingLevel: "LOW" },
        imageConfig: { aspectRatio: "16:9", imageSize: "2K" },
        speechConfig: {
          languageCode: "en-US",
          multiSpeakerVoiceConfig: {
            speakerVoiceConfigs: [
              { speaker: "Joe", voiceConfig: { prebuiltVoiceConfig: { voiceName: "Kore" } } },
              { speaker: "Ann", voiceConfig: { prebuiltVoiceConfig: { voiceName: "Puck" } } },
            ],
          },
        },
      },
      cachedContent: "cachedContents/abc",
      labels: { team: "playground" },
    };
    const walked = walkRequest("GenerateContentRequest", body);
    expect(walked.violations).toEqual([]);
    expect(walked.problems).toEqual([]);
    expect(walked.body).toEqual(body);
  });
});

describe("the handler", () => {
  function post(path: string, body: unknown) {
    return createEmulator()(
      new Request(`http://emulator.test/v1beta/models/${path}`, {
        method: "POST",
        headers: { "x-goog-api-key": "k", "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    );
  }

  it("answers a body that does not parse with every problem and a BadRequest detail", async () => {
    const response = await post("gemini-2.5-flash:generateContent", {
      ...hello,
      stream: true,
      generationConfig: { temprature: 1 },
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toBe(
      `Invalid JSON payload received. Unknown name "stream": Cannot find field.\nInvalid JSON payload received. Unknown name "temprature" at 'generation_config': Cannot find field.`,
    );
    expect(error.details).toEqual([
      {
        "@type": "type.googleapis.com/google.rpc.BadRequest",
        fieldViolations: [
          {
            description: 'Invalid JSON payload received. Unknown name "stream": Cannot find field.',
          },
          {
            field: "generation_config",
            description: `Invalid JSON payload received. Unknown name "temprature" at 'generation_config': Cannot find field.`,
          },
        ],
      },
    ]);
  });

  it("checks the body before the model, as Google's front end does", async () => {
    const response = await post("no-such-model:generateContent", { ...hello, stream: true });
    expect(response.status).toBe(400);
  });

  it("joins semantic bullets with the content checks, without details", async () => {
    const response = await post("gemini-2.5-flash:countTokens", {
      generateContentRequest: {
        contents: [{ role: "user", parts: [{}] }],
        generationConfig: { temperature: 3 },
      },
    });
    const { error } = await response.json();
    expect(error).toEqual({
      code: 400,
      status: "INVALID_ARGUMENT",
      message:
        "* CountTokensRequest.generate_content_request.contents[0].parts[0].data: required oneof field 'data' must have one initialized field\n" +
        "* CountTokensRequest.generate_content_request.generation_config.temperature: temperature must be in the range [0.0, 2.0].\n",
    });
  });

  it("serves a snake_case request like a camelCase one", async () => {
    const response = await post("gemini-2.5-flash:generateContent", {
      contents: [{ role: "user", parts: [{ text: "Echo" }] }],
      generation_config: { top_p: 0.25 },
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain("- Top P: 0.25");
  });

  it("lets methods it has no table for through to their own answer", () => {
    expect(validateRequestBody("predictLongRunning", { anything: 1 }, "v1beta")).toEqual({
      anything: 1,
    });
    expect(() => validateRequestBody("embedContent", { x: 1 }, "v1beta")).toThrow(EmulatorApiError);
  });
});
