import { describe, expect, it } from "vitest";
import {
  InteractionChunkReader,
  type InteractionEvent,
  InteractionStreamError,
} from "@/lib/gemini/interactions-chunks";
import type { PromptDoc } from "@/lib/prompt";
import { apiGaps } from "@/lib/wire/api";
import { toInteractionBody } from "@/lib/wire/interactions-request";
import { toGenerateContentParameters } from "@/lib/wire/request";

const doc = (over: Partial<PromptDoc> = {}): PromptDoc => ({
  version: 1,
  model: "gemini-3-flash-preview",
  systemInstruction: "Answer briefly.",
  contents: [{ role: "user", parts: [{ kind: "text", text: "Weather in Paris?" }] }],
  config: { api: "interactions" },
  tools: {},
  ...over,
});

describe("the Gemini request as an interaction", () => {
  it("sends the whole conversation as steps, keeping each call's signature and result", () => {
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
                id: "c1",
                name: "weather",
                args: { city: "Paris" },
                thoughtSignature: "sig-1",
              },
            ],
          },
          {
            role: "user",
            parts: [
              { kind: "functionResponse", id: "c1", name: "weather", response: { celsius: 18 } },
            ],
          },
        ],
        config: {
          api: "interactions",
          temperature: 0.5,
          thinking: { level: "low", includeThoughts: true },
        },
        tools: {
          functionDeclarations: [{ name: "weather", parameters: { type: "object" } }],
          googleSearch: true,
          functionCallingMode: "ANY",
        },
      }),
      () => ({ inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } }),
    );
    expect(toInteractionBody(params)).toEqual({
      model: "gemini-3-flash-preview",
      system_instruction: "Answer briefly.",
      stream: true,
      store: false,
      input: [
        {
          type: "user_input",
          content: [
            { type: "text", text: "Weather in Paris?" },
            { type: "image", data: "iVBORw0KGgo=", mime_type: "image/png" },
          ],
        },
        { type: "thought", summary: [{ type: "text", text: "Call the tool." }] },
        { type: "thought", signature: "sig-1" },
        { type: "function_call", id: "c1", name: "weather", arguments: { city: "Paris" } },
        { type: "function_result", call_id: "c1", name: "weather", result: { celsius: 18 } },
      ],
      generation_config: {
        temperature: 0.5,
        thinking_level: "low",
        thinking_summaries: "auto",
        tool_choice: "any",
      },
      tools: [
        { type: "function", name: "weather", parameters: { type: "object" } },
        { type: "google_search" },
      ],
    });
  });

  it("sends only what came after the stored interaction it follows, and stores itself", () => {
    const params = toGenerateContentParameters(
      doc({
        contents: [
          { role: "user", parts: [{ kind: "text", text: "Weather in Paris?" }] },
          { role: "model", parts: [{ kind: "text", text: "Mild." }] },
          { role: "user", parts: [{ kind: "text", text: "And Oslo?" }] },
        ],
      }),
    );
    const body = toInteractionBody(params, { store: true, previous: { id: "v1_prev", turns: 2 } });
    expect(body).toMatchObject({
      store: true,
      previous_interaction_id: "v1_prev",
      input: [{ type: "user_input", content: [{ type: "text", text: "And Oslo?" }] }],
      system_instruction: "Answer briefly.",
    });
    expect(toInteractionBody(params)).toMatchObject({ store: false });
    expect(toInteractionBody(params).input).toHaveLength(3);
  });

  it("asks for the background and for Google to keep the history only through this door", () => {
    const both = { background: true, store: true };
    expect(apiGaps(doc({ config: { api: "openai", ...both } }))).toEqual(
      expect.arrayContaining(["Run in background", "Keep history at Google"]),
    );
    expect(apiGaps(doc({ config: both }))).toEqual(["Run in background", "Keep history at Google"]);
    expect(apiGaps(doc({ config: { api: "interactions", ...both } }))).toEqual([]);
  });

  it("names what the API has no field for: a thinking budget, Top K, penalties", () => {
    expect(
      apiGaps(
        doc({
          model: "gemini-2.5-flash",
          config: {
            api: "interactions",
            topK: 3,
            presencePenalty: 0.5,
            thinking: { budget: 512 },
            safetySettings: [{ category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_NONE" }],
          },
        }),
      ),
    ).toEqual([
      "Top K",
      "Presence penalty",
      "Thinking budget (the Interactions API takes a thinking level)",
    ]);
  });
});

function fold(events: InteractionEvent[]) {
  const reader = new InteractionChunkReader();
  const chunks = events.flatMap((e) => {
    const data = reader.read(e);
    return data ? [data] : [];
  });
  const rest = reader.finish();
  if (rest) chunks.push(rest);
  return chunks;
}

describe("an interaction's events read back as Gemini chunks", () => {
  it("streams thoughts and text, calls with their arguments and signature, then the usage", () => {
    const chunks = fold([
      { event_type: "interaction.created", interaction: { id: "i-1", status: "in_progress" } },
      { event_type: "step.start", index: 0, step: { type: "thought" } },
      {
        event_type: "step.delta",
        index: 0,
        delta: { type: "thought_summary", content: { type: "text", text: "Plan." } },
      },
      { event_type: "step.delta", index: 0, delta: { type: "thought_signature", signature: "s" } },
      { event_type: "step.stop", index: 0 },
      {
        event_type: "step.start",
        index: 1,
        step: { type: "function_call", id: "c1", name: "weather" },
      },
      {
        event_type: "step.delta",
        index: 1,
        delta: { type: "arguments_delta", arguments: '{"city":' },
      },
      {
        event_type: "step.delta",
        index: 1,
        delta: { type: "arguments_delta", arguments: '"Oslo"}' },
      },
      { event_type: "step.stop", index: 1 },
      {
        event_type: "interaction.completed",
        interaction: {
          id: "i-1",
          status: "requires_action",
          usage: { total_input_tokens: 9, total_output_tokens: 5, total_thought_tokens: 20 },
        },
      },
    ]);
    expect(chunks.flatMap((c) => c.candidates?.[0]?.content?.parts ?? [])).toEqual([
      { text: "Plan.", thought: true },
      {
        functionCall: { id: "c1", name: "weather", args: { city: "Oslo" } },
        thoughtSignature: "s",
      },
    ]);
    const last = chunks.at(-1);
    expect(last?.candidates?.[0]?.finishReason).toBe("STOP");
    expect(last?.usageMetadata).toEqual({
      promptTokenCount: 9,
      candidatesTokenCount: 5,
      thoughtsTokenCount: 20,
      totalTokenCount: 34,
    });
    expect(last?.responseId).toBe("i-1");
  });

  it("gives an answer's own signature to its text, and fails on an error event", () => {
    const chunks = fold([
      { event_type: "step.start", index: 0, step: { type: "thought", signature: "s2" } },
      { event_type: "step.stop", index: 0 },
      { event_type: "step.start", index: 1, step: { type: "model_output" } },
      { event_type: "step.delta", index: 1, delta: { type: "text", text: "Hi." } },
    ]);
    expect(chunks.flatMap((c) => c.candidates?.[0]?.content?.parts ?? [])).toEqual([
      { text: "", thoughtSignature: "s2" },
      { text: "Hi." },
    ]);
    expect(() =>
      fold([{ event_type: "error", error: { code: "unavailable", message: "Try later." } }]),
    ).toThrow(InteractionStreamError);
  });
});
