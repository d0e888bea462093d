import { describe, expect, it } from "vitest";
import { type CompatChunk, CompatChunkReader } from "@/lib/gemini/openai-chunks";
import type { PromptDoc } from "@/lib/prompt";
import { apiGaps } from "@/lib/wire/api";
import { toCompatChatRequest } from "@/lib/wire/openai-request";
import { toGenerateContentParameters } from "@/lib/wire/request";

const doc = (over: Partial<PromptDoc> = {}): PromptDoc => ({
  version: 1,
  model: "gemini-3-flash-preview",
  systemInstruction: "Answer briefly.",
  contents: [{ role: "user", parts: [{ kind: "text", text: "Weather in Paris?" }] }],
  config: { api: "openai" },
  tools: {},
  ...over,
});

const PNG = { inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } };

describe("the Gemini request in the OpenAI-compatible body", () => {
  it("carries the conversation: system, user text and image, calls with their signatures, results", () => {
    const params = toGenerateContentParameters(
      doc({
        contents: [
          {
            role: "user",
            parts: [
              { kind: "text", text: "Weather in Paris?" },
              { kind: "media", sha256: "a".repeat(64), mimeType: "image/png" },
            ],
          },
          {
            role: "model",
            parts: [
              { kind: "thought", text: "Call the tool." },
              {
                kind: "functionCall",
                name: "weather",
                args: { city: "Paris" },
                thoughtSignature: "sig-1",
              },
            ],
          },
          {
            role: "user",
            parts: [{ kind: "functionResponse", name: "weather", response: { celsius: 18 } }],
          },
        ],
      }),
      () => PNG,
    );
    expect(toCompatChatRequest(params).messages).toEqual([
      { role: "system", content: "Answer briefly." },
      {
        role: "user",
        content: [
          { type: "text", text: "Weather in Paris?" },
          { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
        ],
      },
      {
        role: "assistant",
        content: null,
        tool_calls: [
          {
            id: "call_1_1",
            type: "function",
            function: { name: "weather", arguments: '{"city":"Paris"}' },
            extra_content: { google: { thought_signature: "sig-1" } },
          },
        ],
      },
      { role: "tool", tool_call_id: "call_1_1", content: '{"celsius":18}' },
    ]);
  });

  it("maps the settings: sampling, schema, tools and choice, a level as reasoning_effort", () => {
    const body = toCompatChatRequest(
      toGenerateContentParameters(
        doc({
          config: {
            api: "openai",
            temperature: 0.3,
            topP: 0.9,
            maxOutputTokens: 200,
            stopSequences: ["END"],
            seed: 7,
            responseMimeType: "application/json",
            responseSchema: { type: "object", properties: { city: { type: "string" } } },
            thinking: { level: "low" },
          },
          tools: {
            functionDeclarations: [{ name: "weather", parameters: { type: "object" } }],
            functionCallingMode: "ANY",
            allowedFunctionNames: ["weather"],
          },
        }),
      ),
    );
    expect(body).toMatchObject({
      model: "gemini-3-flash-preview",
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.3,
      top_p: 0.9,
      max_completion_tokens: 200,
      stop: ["END"],
      seed: 7,
      reasoning_effort: "low",
      response_format: {
        type: "json_schema",
        json_schema: { name: "response", schema: { type: "object" } },
      },
      tools: [{ type: "function", function: { name: "weather", parameters: { type: "object" } } }],
      tool_choice: { type: "function", function: { name: "weather" } },
    });
    expect(body.extra_body).toBeUndefined();
  });

  it("asks for thought summaries and budgets through extra_body, never with reasoning_effort", () => {
    const body = toCompatChatRequest(
      toGenerateContentParameters(
        doc({
          model: "gemini-2.5-flash",
          config: { api: "openai", thinking: { budget: 800, includeThoughts: true } },
        }),
      ),
    );
    expect(body.extra_body).toEqual({
      google: { thinking_config: { thinking_budget: 800, include_thoughts: true } },
    });
    expect(body.reasoning_effort).toBeUndefined();
  });
});

describe("what a door cannot carry", () => {
  it("names every setting, tool and file the OpenAI endpoint has no place for", () => {
    expect(
      apiGaps(
        doc({
          config: {
            api: "openai",
            topK: 40,
            safetySettings: [
              { category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_ONLY_HIGH" },
            ],
            mediaResolution: "MEDIA_RESOLUTION_LOW",
          },
          tools: { googleSearch: true, urlContext: true },
          contents: [
            {
              role: "user",
              parts: [
                { kind: "media", sha256: "b".repeat(64), mimeType: "application/pdf" },
                { kind: "media", sha256: "c".repeat(64), mimeType: "audio/wav" },
              ],
            },
          ],
        }),
      ),
    ).toEqual([
      "Top K",
      "Media resolution",
      "Safety settings",
      "Grounding with Google Search",
      "URL context",
      "application/pdf files (only images and WAV or MP3 audio)",
    ]);
  });

  it("is nothing for the Gemini API, or for a prompt the endpoint carries whole", () => {
    expect(apiGaps(doc({ config: { safetySettings: [], topK: 3 } }))).toEqual([]);
    expect(apiGaps(doc({ tools: { functionDeclarations: [{ name: "f" }] } }))).toEqual([]);
    expect(apiGaps(doc({ model: "gemini-2.5-flash-preview-tts" }), "tts")).toEqual([
      "Image and speech output",
    ]);
  });
});

const chunk = (delta: object, finish: string | null = null, extra: object = {}): CompatChunk => ({
  id: "chatcmpl-1",
  model: "gemini-2.5-flash",
  choices: [{ index: 0, delta, finish_reason: finish }],
  ...extra,
});

/** The parts a run of compat chunks folds into, in order. */
function fold(chunks: CompatChunk[]) {
  const reader = new CompatChunkReader();
  const out = chunks.flatMap((c) => {
    const data = reader.read(c);
    return data ? [data] : [];
  });
  const rest = reader.finish();
  if (rest) out.push(rest);
  return out;
}

describe("the OpenAI-compatible stream read back as Gemini chunks", () => {
  it("splits thought summaries from the answer, wherever the tags are cut", () => {
    const chunks = fold([
      chunk({ content: "<tho" }),
      chunk({ content: "ught>Plan the" }),
      chunk({ content: " answer</though" }),
      chunk({ content: "t>Paris is " }),
      chunk({ content: "sunny." }, "stop"),
    ]);
    const parts = chunks.flatMap((c) => c.candidates?.[0]?.content?.parts ?? []);
    expect(parts).toEqual([
      { text: "Plan the", thought: true },
      { text: " answer", thought: true },
      { text: "Paris is " },
      { text: "sunny." },
    ]);
    expect(chunks.at(-1)?.candidates?.[0]?.finishReason).toBe("STOP");
  });

  it("assembles tool calls sent without an index, keeps their signatures, and reads the usage", () => {
    const chunks = fold([
      chunk({
        tool_calls: [
          {
            id: "call_a",
            type: "function",
            function: { name: "weather", arguments: '{"city":' },
            extra_content: { google: { thought_signature: "sig-a" } },
          },
        ],
      }),
      chunk({ tool_calls: [{ function: { arguments: '"Paris"}' } }] }),
      chunk({ tool_calls: [{ id: "call_b", function: { name: "time", arguments: "{}" } }] }),
      // "stop", not "tool_calls", as the endpoint really says.
      chunk({}, "stop"),
      {
        id: "chatcmpl-1",
        choices: [],
        usage: {
          prompt_tokens: 12,
          completion_tokens: 30,
          total_tokens: 42,
          completion_tokens_details: { reasoning_tokens: 20 },
        },
      },
    ]);
    const parts = chunks.flatMap((c) => c.candidates?.[0]?.content?.parts ?? []);
    expect(parts).toEqual([
      {
        functionCall: { id: "call_a", name: "weather", args: { city: "Paris" } },
        thoughtSignature: "sig-a",
      },
      { functionCall: { id: "call_b", name: "time", args: {} } },
    ]);
    expect(chunks.at(-1)?.usageMetadata).toEqual({
      promptTokenCount: 12,
      candidatesTokenCount: 10,
      thoughtsTokenCount: 20,
      totalTokenCount: 42,
    });
  });

  it("says why an answer stopped: length and content filter", () => {
    expect(fold([chunk({ content: "a" }, "length")])[0]?.candidates?.[0]?.finishReason).toBe(
      "MAX_TOKENS",
    );
    expect(fold([chunk({}, "content_filter")])[0]?.candidates?.[0]?.finishReason).toBe("SAFETY");
  });
});
