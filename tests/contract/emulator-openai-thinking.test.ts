/**
 * Thinking over the OpenAI-compatible endpoint with the real `openai` client: reasoning_effort
 * mapped to a budget (2.5) or a level (Gemini 3), Google's `extra_body.google.thinking_config` as
 * the clients put it on the wire (a literal `extra_body` key), thought summaries inside
 * `<thought>…</thought>`, and the refusals (lib/emulator/openai/reasoning.ts).
 */
import OpenAI from "openai";
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
} from "openai/resources/chat/completions";
import { describe, expect, it } from "vitest";
import { setupEmulatorServer } from "./emulator-fixture";

const { server, client } = setupEmulatorServer();

const openai = () =>
  new OpenAI({
    apiKey: "test-key",
    baseURL: `${server().url}/v1beta/openai/`,
    maxRetries: 0,
  });

interface GoogleThinking {
  thinking_budget?: number;
  thinking_level?: string;
  include_thoughts?: boolean;
}

/** The openai client sends unknown params as they are: this is Google's documented wire form. */
function withGoogle(thinking: GoogleThinking) {
  return { extra_body: { google: { thinking_config: thinking } } } as Record<string, unknown>;
}

const thoughtTokens = (completion: ChatCompletion | ChatCompletionChunk) => {
  const usage = completion.usage;
  return (usage?.total_tokens ?? 0) - (usage?.prompt_tokens ?? 0) - (usage?.completion_tokens ?? 0);
};

async function ask(model: string, extra: Partial<ChatCompletionCreateParamsNonStreaming>) {
  return openai().chat.completions.create({
    model,
    messages: [{ role: "user", content: "Think about it." }],
    ...extra,
  });
}

/** The raw compat error envelope, which the openai client cannot read (it is an array). */
async function rawError(body: Record<string, unknown>) {
  const response = await fetch(`${server().url}/v1beta/openai/chat/completions`, {
    method: "POST",
    headers: { authorization: "Bearer test-key", "content-type": "application/json" },
    body: JSON.stringify({ messages: [{ role: "user", content: "Think about it." }], ...body }),
  });
  const [envelope] = (await response.json()) as { error: { code: number; message: string } }[];
  return { status: response.status, error: envelope?.error };
}

describe("reasoning_effort", () => {
  it("maps to a thinking budget on Gemini 2.5: low 1024, none 0", async () => {
    const low = await ask("gemini-2.5-flash", { reasoning_effort: "low" });
    expect(low.choices[0]?.message.content).toContain("- Thinking: budget 1024");
    expect(thoughtTokens(low)).toBe(64);
    const high = await ask("gemini-2.5-flash", { reasoning_effort: "high" });
    expect(high.choices[0]?.message.content).toContain("- Thinking: budget 24576");
    const none = await ask("gemini-2.5-flash", { reasoning_effort: "none" });
    expect(none.choices[0]?.message.content).toContain("- Thinking: budget 0");
    expect(thoughtTokens(none)).toBe(0);
  });

  it("maps to a thinking level on Gemini 3, none to the lowest one", async () => {
    const high = await ask("gemini-3-flash-preview", { reasoning_effort: "high" });
    expect(high.choices[0]?.message.content).toContain("- Thinking: level HIGH");
    expect(thoughtTokens(high)).toBe(128);
    const low = await ask("gemini-3-flash-preview", { reasoning_effort: "low" });
    expect(thoughtTokens(low)).toBe(32);
    const none = await ask("gemini-3-flash-preview", { reasoning_effort: "none" });
    expect(none.choices[0]?.message.content).toContain("- Thinking: level MINIMAL");
    const pro = await ask("gemini-3-pro-preview", { reasoning_effort: "none" });
    expect(pro.choices[0]?.message.content).toContain("- Thinking: level LOW");
  });

  it('refuses "minimal" and unknown values as the live endpoint does', async () => {
    for (const effort of ["minimal", "extreme"]) {
      const { status, error } = await rawError({
        model: "gemini-3-flash-preview",
        reasoning_effort: effort,
      });
      expect(status).toBe(400);
      expect(error?.message).toBe(
        `Invalid reasoning_effort: ${effort}. Valid values are: high, low, medium, none`,
      );
    }
  });

  it("passes on the native refusals: medium on Gemini 3 Pro, none on 2.5 Pro", async () => {
    const medium = await rawError({ model: "gemini-3-pro-preview", reasoning_effort: "medium" });
    expect(medium).toEqual({
      status: 400,
      error: expect.objectContaining({
        message:
          "Thinking level MEDIUM is not supported for this model. Please retry with other thinking level.",
      }),
    });
    const off = await rawError({ model: "gemini-2.5-pro", reasoning_effort: "none" });
    expect(off.error?.message).toBe("Budget 0 is invalid. This model only works in thinking mode.");
  });
});

describe("extra_body.google.thinking_config", () => {
  it("sets the budget and returns the thought summary inside <thought> tags", async () => {
    const completion = await ask(
      "gemini-2.5-flash",
      withGoogle({ thinking_budget: 800, include_thoughts: true }),
    );
    const content = completion.choices[0]?.message.content ?? "";
    expect(content.startsWith("<thought>**Understanding the Request**")).toBe(true);
    const [thoughts, answer] = content.slice("<thought>".length).split("</thought>");
    expect(answer).toMatch(/^## Emulated answer from gemini-2.5-flash/);
    expect(answer).toContain("- Thinking: budget 800, include thoughts");
    expect(thoughtTokens(completion)).toBe(64);

    const native = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: "Think about it.",
      config: { thinkingConfig: { thinkingBudget: 800, includeThoughts: true } },
    });
    const parts = native.candidates?.[0]?.content?.parts ?? [];
    expect(thoughts).toBe(parts.find((part) => part.thought)?.text);
    expect(answer).toBe(native.text);
    expect(completion.usage?.completion_tokens).toBe(native.usageMetadata?.candidatesTokenCount);
  });

  it("streams thoughts flagged extra_content.google.thought, then closes the tag", async () => {
    const stream = await openai().chat.completions.create({
      model: "gemini-2.5-flash",
      messages: [{ role: "user", content: "Think about it.\n#emulator thoughts=200" }],
      stream: true,
      ...withGoogle({ include_thoughts: true }),
    });
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    type Flagged = { extra_content?: { google?: { thought?: boolean } } };
    const flagged = (chunk: ChatCompletionChunk) =>
      (chunk.choices[0]?.delta as Flagged | undefined)?.extra_content?.google?.thought === true;
    const thoughtChunks = chunks.filter(flagged);
    expect(thoughtChunks.length).toBeGreaterThan(1);
    expect(chunks.slice(0, thoughtChunks.length).every(flagged)).toBe(true);
    expect(thoughtChunks[0]?.choices[0]?.delta.content?.startsWith("<thought>**")).toBe(true);
    expect(thoughtChunks[1]?.choices[0]?.delta.content?.startsWith("<thought>")).toBe(false);
    const firstAnswer = chunks[thoughtChunks.length]?.choices[0]?.delta.content ?? "";
    expect(firstAnswer.startsWith("</thought>## Emulated answer")).toBe(true);
    const streamed = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("");
    const unary = await openai().chat.completions.create({
      model: "gemini-2.5-flash",
      messages: [{ role: "user", content: "Think about it.\n#emulator thoughts=200" }],
      ...withGoogle({ include_thoughts: true }),
    });
    expect(streamed).toBe(unary.choices[0]?.message.content);
    expect(thoughtTokens(chunks.at(-1) as ChatCompletionChunk)).toBe(200);
  });

  it("takes a thinking level on Gemini 3", async () => {
    const completion = await ask(
      "gemini-3-flash-preview",
      withGoogle({ thinking_level: "low", include_thoughts: true }),
    );
    const content = completion.choices[0]?.message.content ?? "";
    expect(content.startsWith("<thought>")).toBe(true);
    expect(content).toContain("- Thinking: level LOW, include thoughts");
    expect(thoughtTokens(completion)).toBe(32);
  });

  it("refuses reasoning_effort together with a thinking budget or level", async () => {
    for (const thinking of [{ thinking_budget: 1024 }, { thinking_level: "low" }]) {
      const { status, error } = await rawError({
        model: "gemini-2.5-flash",
        reasoning_effort: "low",
        ...withGoogle(thinking),
      });
      expect(status).toBe(400);
      expect(error?.message).toBe(
        "reasoning_effort and extra_body.google.thinking_config (thinking_budget or thinking_level) overlap; set only one of them.",
      );
    }
    // include_thoughts alone goes with reasoning_effort.
    const both = await ask("gemini-2.5-flash", {
      reasoning_effort: "medium",
      ...withGoogle({ include_thoughts: true }),
    });
    expect(both.choices[0]?.message.content).toContain("- Thinking: budget 8192, include thoughts");
  });

  it("refuses a top-level google field, which belongs under extra_body", async () => {
    const { status, error } = await rawError({
      model: "gemini-2.5-flash",
      google: { thinking_config: { include_thoughts: true } },
    });
    expect(status).toBe(400);
    expect(error?.message).toBe(
      'Invalid JSON payload received. Unknown name "google": Cannot find field.',
    );
  });

  it("answers cached_content like the native API: no such cache", async () => {
    const { status, error } = await rawError({
      model: "gemini-2.5-flash",
      extra_body: { google: { cached_content: "cachedContents/abc123" } },
    });
    expect(status).toBe(403);
    expect(error?.message).toBe("CachedContent not found (or permission denied)");
  });
});
