/**
 * What an interaction can ask for, through the real SDK: function calling round trips, thoughts,
 * structured output, media input, and the built-in tools as their own steps.
 */
import { Validator } from "@cfworker/json-schema";
import type { Interactions } from "@google/genai";
import { describe, expect, it } from "vitest";
import { encodePng } from "@/lib/emulator/media/png-writer";
import { setupEmulatorServer } from "./emulator-fixture";
import { collect, failure } from "./interactions-fixture";

type Step = Interactions.Step;

const { client } = setupEmulatorServer();

const weather = {
  type: "function" as const,
  name: "get_weather",
  description: "Gets the current weather for a city",
  parameters: {
    type: "object",
    properties: {
      city: { type: "string" },
      unit: { type: "string", enum: ["celsius", "fahrenheit"] },
    },
    required: ["city", "unit"],
  },
};
const time = {
  type: "function" as const,
  name: "get_time",
  description: "Gets the local time in a timezone",
  parameters: { type: "object", properties: { zone: { type: "string" } }, required: ["zone"] },
};

/** Whether `value` validates against the JSON Schema `schema` (draft 2020-12). */
function valid(schema: object, value: unknown): boolean {
  return new Validator(schema as never, "2020-12", false).validate(value).valid;
}

function callOf(steps: Step[] | undefined) {
  const call = steps?.find((step) => step.type === "function_call");
  if (call?.type !== "function_call") throw new Error("no function_call step");
  return call;
}

describe("function calling", () => {
  it("calls a declared function, then answers the result sent back by previous_interaction_id", async () => {
    const asked = await client().interactions.create({
      model: "gemini-3-flash-preview",
      input: "What is the weather in Paris?",
      tools: [weather, time],
    });
    expect(asked.status).toBe("requires_action");
    expect(asked.steps?.map((step) => step.type)).toEqual(["thought", "function_call"]);
    const call = callOf(asked.steps);
    expect(call).toMatchObject({ name: "get_weather", id: expect.stringMatching(/^[a-z0-9]{8}$/) });
    expect(valid(weather.parameters, call.arguments)).toBe(true);

    const answered = await client().interactions.create({
      model: "gemini-3-flash-preview",
      previous_interaction_id: asked.id,
      tools: [weather, time],
      input: [{ type: "function_result", call_id: call.id, name: call.name, result: { temp: 21 } }],
    });
    expect(answered.status).toBe("completed");
    expect(answered.output_text).toContain(
      '- Function response: get_weather returned `{"temp":21}`',
    );
    expect(answered.output_text).toContain("- Turns: 3");
  });

  it("continues statelessly from the steps sent back, and Gemini 3 needs the signed thought", async () => {
    const asked = await client().interactions.create({
      model: "gemini-3-flash-preview",
      input: "What is the weather in Oslo?",
      tools: [weather],
      store: false,
    });
    const call = callOf(asked.steps);
    const history = [
      {
        type: "user_input" as const,
        content: [{ type: "text" as const, text: "What is the weather in Oslo?" }],
      },
      ...(asked.steps ?? []),
      { type: "function_result" as const, call_id: call.id, result: "cold, 2 degrees" },
    ];
    const answered = await client().interactions.create({
      model: "gemini-3-flash-preview",
      tools: [weather],
      input: history,
    });
    expect(answered.output_text).toContain(
      '- Function response: get_weather returned `{"result":"cold, 2 degrees"}`',
    );
    const unsigned = await failure(
      client().interactions.create({
        model: "gemini-3-flash-preview",
        tools: [weather],
        input: history.filter((step) => step.type !== "thought"),
      }),
    );
    expect(unsigned.status).toBe(400);
    expect(unsigned.error?.error?.message).toContain(
      "Function call is missing a thought_signature",
    );
  });

  it("streams the call as a step whose arguments arrive as one arguments_delta", async () => {
    const events = await collect(
      await client().interactions.create({
        model: "gemini-2.5-flash",
        input: "What is the weather in Rome?",
        tools: [weather],
        stream: true,
      }),
    );
    const start = events.find(
      (event) => event.event_type === "step.start" && event.step.type === "function_call",
    );
    expect(start).toMatchObject({
      step: { type: "function_call", name: "get_weather", id: expect.any(String), arguments: {} },
    });
    const delta = events.find(
      (event) => event.event_type === "step.delta" && event.delta.type === "arguments_delta",
    );
    const text =
      delta?.event_type === "step.delta" && delta.delta.type === "arguments_delta"
        ? delta.delta.arguments
        : "{}";
    expect(valid(weather.parameters, JSON.parse(text ?? "{}"))).toBe(true);
    expect(events.at(-1)).toMatchObject({ interaction: { status: "requires_action" } });
  });

  it("follows tool_choice: none answers in text, allowed_tools picks the function", async () => {
    const none = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "What is the weather in Lima?",
      tools: [weather, time],
      generation_config: { tool_choice: "none" },
    });
    expect(none.status).toBe("completed");
    expect(none.output_text).toContain("- Function calling: NONE");
    const picked = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "What is the weather in Lima?",
      tools: [weather, time],
      generation_config: { tool_choice: { allowed_tools: { mode: "any", tools: ["get_time"] } } },
    });
    expect(callOf(picked.steps).name).toBe("get_time");
  });

  it("refuses a function result whose call_id no function call issued", async () => {
    const error = await failure(
      client().interactions.create({
        model: "gemini-2.5-flash",
        tools: [weather],
        input: [{ type: "function_result", call_id: "nosuchid", name: "get_weather", result: "x" }],
      }),
    );
    expect(error.status).toBe(400);
    expect(error.error?.error?.code).toBe("invalid_request");
    expect(error.error?.error?.message).toContain('"nosuchid"');
  });
});

describe("thinking", () => {
  it("returns the thought summary and signature first, and bills the level's thinking", async () => {
    const prompt = "Think about prime numbers.";
    const interaction = await client().interactions.create({
      model: "gemini-3-flash-preview",
      input: prompt,
      generation_config: { thinking_level: "high", thinking_summaries: "auto" },
    });
    const native = await client().models.generateContent({
      model: "gemini-3-flash-preview",
      contents: prompt,
      config: { thinkingConfig: { includeThoughts: true, thinkingLevel: "HIGH" as never } },
    });
    const [thought] = interaction.steps ?? [];
    expect(thought?.type).toBe("thought");
    if (thought?.type !== "thought") return;
    const nativeThought = native.candidates?.[0]?.content?.parts?.find((part) => part.thought);
    expect(thought.summary).toEqual([{ type: "text", text: nativeThought?.text }]);
    expect(thought.summary?.[0]).toMatchObject({
      text: expect.stringMatching(/^\*\*Understanding the Request\*\*/),
    });
    expect(thought.signature).toEqual(expect.any(String));
    expect(interaction.usage?.total_thought_tokens).toBe(128);
    expect(interaction.output_text).toBe(native.text);
    expect(interaction.output_text).toContain("- Thinking: level HIGH, include thoughts");
  });

  it("streams the summary as thought_summary deltas, then the signature", async () => {
    const events = await collect(
      await client().interactions.create({
        model: "gemini-2.5-flash",
        input: "Think at length.\n#emulator thoughts=300",
        generation_config: { thinking_summaries: "auto" },
        stream: true,
      }),
    );
    const thoughtDeltas = events.filter(
      (event) => event.event_type === "step.delta" && event.index === 0,
    );
    const types = thoughtDeltas.map((event) =>
      event.event_type === "step.delta" ? event.delta.type : "",
    );
    expect(types.length).toBeGreaterThan(3);
    expect(types.slice(0, -1).every((type) => type === "thought_summary")).toBe(true);
    expect(types.at(-1)).toBe("thought_signature");
    const completed = events.at(-1);
    expect(completed).toMatchObject({ interaction: { usage: { total_thought_tokens: 300 } } });
  });

  it("refuses a thinking level the model lacks, in this API's words", async () => {
    const error = await failure(
      client().interactions.create({
        model: "gemini-3-pro-preview",
        input: "x",
        generation_config: { thinking_level: "minimal" },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.error?.error).toEqual({
      message: "Thinking level MINIMAL is not supported for this model.",
      code: "invalid_request",
    });
  });
});

describe("structured output", () => {
  const schema = {
    type: "object",
    properties: {
      title: { type: "string" },
      year: { type: "integer", minimum: 1900, maximum: 2100 },
      tags: { type: "array", items: { type: "string" }, minItems: 1 },
    },
    required: ["title", "year", "tags"],
  };

  it("answers JSON that parses and validates against the response_format schema", async () => {
    const interaction = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Describe a film.",
      response_format: { type: "text", mime_type: "application/json", schema },
    });
    const value = JSON.parse(interaction.output_text ?? "");
    expect(valid(schema, value)).toBe(true);
    const native = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: "Describe a film.",
      config: { responseMimeType: "application/json", responseJsonSchema: schema },
    });
    expect(interaction.output_text).toBe(native.text);
  });

  it("reads the older form: a bare schema with response_mime_type", async () => {
    const interaction = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Describe another film.",
      response_mime_type: "application/json",
      response_format: schema,
    });
    expect(valid(schema, JSON.parse(interaction.output_text ?? ""))).toBe(true);
  });
});

describe("media input", () => {
  it("describes an inline image in the answer and bills it as image tokens", async () => {
    const rgb = new Uint8Array(64 * 48 * 3).map((_, i) => (i * 7) % 256);
    const png = await encodePng(64, 48, rgb);
    const interaction = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: [
        { type: "text", text: "What is in this picture?" },
        { type: "image", data: Buffer.from(png).toString("base64"), mime_type: "image/png" },
      ],
    });
    const { createHash } = await import("node:crypto");
    const sha = createHash("sha256").update(png).digest("hex").slice(0, 12);
    expect(interaction.output_text).toContain(
      `- Media 1: image/png, ${png.length} bytes, sha256 ${sha}, 64×48 px`,
    );
    expect(interaction.usage?.input_tokens_by_modality).toContainEqual({
      modality: "image",
      tokens: 258,
    });
  });

  it("refuses bytes no image decoder would open, as generateContent does", async () => {
    const error = await failure(
      client().interactions.create({
        model: "gemini-2.5-flash",
        input: [
          { type: "text", text: "Look" },
          {
            type: "image",
            data: Buffer.from("not an image").toString("base64"),
            mime_type: "image/png",
          },
        ],
      }),
    );
    expect(error.status).toBe(400);
    expect(error.error?.error?.message).toContain("Unable to process input image");
  });
});

describe("media output", () => {
  it("speaks with response_format audio: the same PCM as generateContent, whole when streamed", async () => {
    const body = {
      model: "gemini-2.5-flash-preview-tts",
      input: "Say hello to everyone in the room today, please.",
      response_format: { type: "audio" as const },
      generation_config: { speech_config: [{ voice: "Kore" }] },
    };
    const unary = await client().interactions.create(body);
    expect(unary.output_audio).toMatchObject({
      type: "audio",
      mime_type: "audio/l16",
      sample_rate: 24000,
      channels: 1,
    });
    const native = await client().models.generateContent({
      model: body.model,
      contents: body.input,
      config: {
        responseModalities: ["AUDIO" as never],
        speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: "Kore" } } },
      },
    });
    const nativeAudio = native.candidates?.[0]?.content?.parts?.[0]?.inlineData?.data;
    expect(unary.output_audio?.data).toBe(nativeAudio);

    const events = await collect(await client().interactions.create({ ...body, stream: true }));
    const audioDeltas = events.filter(
      (event) => event.event_type === "step.delta" && event.delta.type === "audio",
    );
    expect(audioDeltas.length).toBeGreaterThan(1);
    const created = events[0];
    const id = created?.event_type === "interaction.created" ? created.interaction.id : "";
    const streamed = await client().interactions.get(id);
    expect(streamed.output_audio?.data).toBe(nativeAudio);
  });

  it("draws with an image model: a caption and the picture, sized by response_format", async () => {
    const interaction = await client().interactions.create({
      model: "gemini-2.5-flash-image",
      input: "A red bicycle",
      response_format: [{ type: "text" }, { type: "image", aspect_ratio: "16:9" }],
    });
    expect(interaction.output_text).toContain("1344×768 picture");
    expect(interaction.output_image?.mime_type).toBe("image/png");
    const png = Buffer.from(interaction.output_image?.data ?? "", "base64");
    expect(png.readUInt32BE(16)).toBe(1344);
    expect(png.readUInt32BE(20)).toBe(768);
    expect(interaction.usage?.output_tokens_by_modality).toEqual([
      { modality: "image", tokens: 1290 },
    ]);
  });
});

describe("built-in tools as steps", () => {
  it("shows Google Search as call and result steps, and cites sources in the answer text", async () => {
    const interaction = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Who won the last cycling world championship?",
      tools: [{ type: "google_search" }],
    });
    const types = interaction.steps?.map((step) => step.type);
    expect(types).toEqual([
      "thought",
      "google_search_call",
      "google_search_result",
      "model_output",
    ]);
    const [, call, result, output] = interaction.steps ?? [];
    expect(call).toMatchObject({
      arguments: { queries: expect.arrayContaining([expect.any(String)]) },
    });
    expect(result).toMatchObject({
      call_id: call?.type === "google_search_call" ? call.id : "",
      result: [{ search_suggestions: expect.stringContaining("<style>") }],
    });
    const text = output?.type === "model_output" ? output.content?.[0] : undefined;
    expect(text?.type).toBe("text");
    if (text?.type !== "text") return;
    expect(text.annotations?.length).toBeGreaterThan(0);
    const bytes = Buffer.from(text.text);
    for (const annotation of text.annotations ?? []) {
      expect(annotation.type).toBe("url_citation");
      if (annotation.type !== "url_citation") continue;
      expect(annotation.url).toMatch(/^https:\/\/grounding\.example\.com\//);
      const cited = bytes.subarray(annotation.start_index, annotation.end_index).toString();
      expect(text.text).toContain(cited);
      expect(cited).toMatch(/[.!?]$/);
    }
  });

  it("shows code execution as the program and its output, is_error when it raised", async () => {
    const ok = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Count the words in this sentence, 3 and 4.",
      tools: [{ type: "code_execution" }],
    });
    const call = ok.steps?.find((step) => step.type === "code_execution_call");
    const result = ok.steps?.find((step) => step.type === "code_execution_result");
    expect(call).toMatchObject({
      arguments: { language: "python", code: expect.stringContaining("print(") },
    });
    expect(result).toMatchObject({
      call_id: call?.type === "code_execution_call" ? call.id : "",
      result: expect.stringContaining("sum of numbers: 7"),
    });
    const failed = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Divide by zero\n#emulator codefail=1",
      tools: [{ type: "code_execution" }],
    });
    expect(failed.steps?.find((step) => step.type === "code_execution_result")).toMatchObject({
      is_error: true,
      result: expect.stringContaining("ZeroDivisionError"),
    });
  });

  it("reads the URLs in the prompt with url_context, failing the unreachable one", async () => {
    const interaction = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Compare https://example.com/a and https://broken.invalid/b",
      tools: [{ type: "url_context" }],
    });
    const result = interaction.steps?.find((step) => step.type === "url_context_result");
    expect(result).toMatchObject({
      result: [
        { url: "https://example.com/a", status: "success" },
        { url: "https://broken.invalid/b", status: "error" },
      ],
    });
  });
});
