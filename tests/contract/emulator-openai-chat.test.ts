/**
 * The OpenAI-compatible endpoint through the real `openai` client: text answers, streams, usage,
 * run settings and structured output, compared with what @google/genai gets from the native API
 * for the same conversation (lib/emulator/openai/serve.ts lists the rules).
 */
import { Validator } from "@cfworker/json-schema";
import OpenAI from "openai";
import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import { describe, expect, it } from "vitest";
import { setupEmulatorServer } from "./emulator-fixture";

const { server, client } = setupEmulatorServer();

const openai = () =>
  new OpenAI({
    apiKey: "test-key",
    baseURL: `${server().url}/v1beta/openai/`,
    maxRetries: 0,
  });

async function collect(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const text = (chunks: ChatCompletionChunk[]) =>
  chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("");

describe("chat completions: the same answers as the native API", () => {
  it("answers a prompt with the native answer text and the native token counts", async () => {
    const prompt = "Name three rivers that cross a capital city.";
    const native = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: prompt,
    });
    const before = Math.floor(Date.now() / 1000);
    const completion = await openai().chat.completions.create({
      model: "gemini-2.5-flash",
      messages: [{ role: "user", content: prompt }],
    });
    const [choice] = completion.choices;
    expect(choice?.message.content).toBe(native.text);
    expect(choice?.message.content).toContain(`- Last user message: "${prompt}"`);
    expect(choice?.message.role).toBe("assistant");
    expect(choice?.finish_reason).toBe("stop");
    expect(choice?.index).toBe(0);
    expect(completion.object).toBe("chat.completion");
    expect(completion.model).toBe("gemini-2.5-flash");
    // Google sends the native responseId, not an OpenAI-style chatcmpl- id.
    expect(completion.id).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(completion.created).toBeGreaterThanOrEqual(before);
    const usage = native.usageMetadata;
    expect(completion.usage).toEqual({
      completion_tokens: usage?.candidatesTokenCount,
      prompt_tokens: usage?.promptTokenCount,
      total_tokens: usage?.totalTokenCount,
    });
    // Thinking counts in the total only, as on Google's compat endpoint: 64 thought tokens.
    const { prompt_tokens, completion_tokens, total_tokens } = completion.usage ?? {};
    expect((total_tokens ?? 0) - (prompt_tokens ?? 0) - (completion_tokens ?? 0)).toBe(64);
  });

  it("sends system and developer messages as the system instruction, turns as contents", async () => {
    const native = await client().models.generateContent({
      model: "gemini-2.0-flash",
      contents: [
        { role: "user", parts: [{ text: "Hi" }] },
        { role: "model", parts: [{ text: "Hello!" }] },
        { role: "user", parts: [{ text: "Tell me a fact." }] },
      ],
      config: { systemInstruction: "Be terse." },
    });
    const completion = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [
        { role: "system", content: "Be terse." },
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello!" },
        { role: "user", content: [{ type: "text", text: "Tell me a fact." }] },
      ],
    });
    const content = completion.choices[0]?.message.content ?? "";
    expect(content).toBe(native.text);
    expect(content).toContain('- System instruction: "Be terse."');
    expect(content).toContain("- Turns: 3");
    const developer = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [
        { role: "developer", content: "Answer in French." },
        { role: "user", content: "Bonjour" },
      ],
    });
    expect(developer.choices[0]?.message.content).toContain(
      '- System instruction: "Answer in French."',
    );
  });

  it("streams the native answer in the native chunks, then [DONE]", async () => {
    const prompt = "Stream this one.\n#emulator chunk=20";
    let nativeText = "";
    let nativeChunks = 0;
    for await (const chunk of await client().models.generateContentStream({
      model: "gemini-2.5-flash",
      contents: prompt,
    })) {
      nativeText += chunk.text ?? "";
      nativeChunks += 1;
    }
    const chunks = await collect(
      await openai().chat.completions.create({
        model: "gemini-2.5-flash",
        messages: [{ role: "user", content: prompt }],
        stream: true,
      }),
    );
    expect(text(chunks)).toBe(nativeText);
    expect(chunks.length).toBe(nativeChunks);
    expect(chunks.length).toBeGreaterThan(3);
    const ids = new Set(chunks.map((chunk) => chunk.id));
    expect(ids.size).toBe(1);
    for (const chunk of chunks) {
      expect(chunk.object).toBe("chat.completion.chunk");
      expect(chunk.model).toBe("gemini-2.5-flash");
      expect(chunk.choices).toHaveLength(1);
      // Every delta repeats the role, as Google's do.
      expect(chunk.choices[0]?.delta.role).toBe("assistant");
    }
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.slice(0, -1).every((chunk) => !chunk.choices[0]?.finish_reason)).toBe(true);
  });

  it("puts running usage on every chunk, asked or not, and no usage-only chunk", async () => {
    const prompt = "Count the usage.\n#emulator chunk=25";
    const unary = await openai().chat.completions.create({
      model: "gemini-2.5-flash",
      messages: [{ role: "user", content: prompt }],
    });
    for (const options of [{}, { stream_options: { include_usage: true } }]) {
      const chunks = await collect(
        await openai().chat.completions.create({
          model: "gemini-2.5-flash",
          messages: [{ role: "user", content: prompt }],
          stream: true,
          ...options,
        }),
      );
      expect(chunks.every((chunk) => chunk.usage !== undefined && chunk.usage !== null)).toBe(true);
      expect(chunks.every((chunk) => chunk.choices.length === 1)).toBe(true);
      const completions = chunks.map((chunk) => chunk.usage?.completion_tokens ?? 0);
      expect(completions).toEqual([...completions].sort((a, b) => a - b));
      expect(chunks.at(-1)?.usage).toEqual(unary.usage);
    }
  });

  it("frames the stream as OpenAI-style SSE with compact, key-sorted JSON", async () => {
    const response = await fetch(`${server().url}/v1beta/openai/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer test-key", "content-type": "application/json" },
      body: JSON.stringify({
        model: "gemini-2.0-flash",
        messages: [{ role: "user", content: "Raw frames\n#emulator chunk=40" }],
        stream: true,
      }),
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const body = await response.text();
    expect(body.endsWith("data: [DONE]\n\n")).toBe(true);
    const events = body.split("\n\n").filter((event) => event !== "");
    expect(events.every((event) => event.startsWith("data: "))).toBe(true);
    const first = events[0]?.slice("data: ".length) ?? "";
    expect(first).toMatch(
      /^\{"choices":\[\{"delta":\{"content":".*","role":"assistant"\},"index":0\}\],"created":\d+,"id":"[^"]+","model":"gemini-2.0-flash","object":"chat.completion.chunk","usage":\{"completion_tokens":\d+,"prompt_tokens":\d+,"total_tokens":\d+\}\}$/,
    );
  });

  it("passes run settings on as generationConfig, where the answer echoes them", async () => {
    const completion = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [{ role: "user", content: "Settings check" }],
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 2000,
      stop: ["NEVER-SEEN"],
      seed: 7,
      presence_penalty: 0.5,
      frequency_penalty: -0.5,
    });
    const content = completion.choices[0]?.message.content ?? "";
    for (const line of [
      "- Temperature: 0.3",
      "- Top P: 0.9",
      "- Max output tokens: 2000",
      "- Stop sequences: 1",
      "- Seed: 7",
      "- Presence penalty: 0.5",
      "- Frequency penalty: -0.5",
    ]) {
      expect(content).toContain(line);
    }
    const newer = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [{ role: "user", content: "Settings check" }],
      max_completion_tokens: 1500,
    });
    expect(newer.choices[0]?.message.content).toContain("- Max output tokens: 1500");
  });

  it("stops at max_tokens with finish_reason length, and at a stop sequence", async () => {
    const cut = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [{ role: "user", content: "A long one" }],
      max_tokens: 20,
    });
    expect(cut.choices[0]?.finish_reason).toBe("length");
    expect(cut.usage?.completion_tokens).toBe(20);
    expect(cut.choices[0]?.message.content).toHaveLength(80);
    const stopped = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [{ role: "user", content: "Stop early" }],
      stop: "- Turns:",
    });
    const content = stopped.choices[0]?.message.content ?? "";
    expect(content).toContain("- Temperature: default");
    expect(content).not.toContain("- Turns:");
    expect(stopped.choices[0]?.finish_reason).toBe("stop");
  });

  it("answers n choices as candidateCount, each a different take", async () => {
    const completion = await openai().chat.completions.create({
      model: "gemini-2.5-flash",
      messages: [{ role: "user", content: "Two takes, please." }],
      n: 2,
    });
    expect(completion.choices.map((choice) => choice.index)).toEqual([0, 1]);
    const [first, second] = completion.choices.map((choice) => choice.message.content ?? "");
    expect(first).toContain("- Candidate count: 2");
    expect(first).not.toBe(second);
    const streamed = await collect(
      await openai().chat.completions.create({
        model: "gemini-2.5-flash",
        messages: [{ role: "user", content: "Two takes, please." }],
        n: 2,
        stream: true,
      }),
    );
    const indexes = new Set(streamed.flatMap((chunk) => chunk.choices.map((c) => c.index)));
    expect(indexes).toEqual(new Set([0, 1]));
    const error = await openai()
      .chat.completions.create({
        model: "gemini-3-flash-preview",
        messages: [{ role: "user", content: "Two takes?" }],
        n: 2,
      })
      .catch((e: unknown) => e);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(400);
  });
});

describe("chat completions: structured output", () => {
  const cityTable = {
    type: "object",
    properties: {
      city: { type: "string" },
      population: { type: "integer", minimum: 0 },
      rivers: { type: "array", items: { type: "string" } },
    },
    required: ["city", "population", "rivers"],
    additionalProperties: false,
  };

  it("answers json_schema with JSON that the client parses and that fits the schema", async () => {
    const completion = await openai().chat.completions.parse({
      model: "gemini-2.5-flash",
      messages: [{ role: "user", content: "Describe Lisbon." }],
      response_format: {
        type: "json_schema",
        json_schema: { name: "city", schema: cityTable, strict: true },
      },
    });
    const parsed = completion.choices[0]?.message.parsed as Record<string, unknown>;
    expect(parsed).toBeTypeOf("object");
    const result = new Validator(cityTable as never, "2020-12", false).validate(parsed);
    expect(result.errors).toEqual([]);
    expect(Object.keys(parsed).sort()).toEqual(["city", "population", "rivers"]);
  });

  it("answers json_object with a JSON object, and breaks the schema on #emulator invalid=1", async () => {
    const json = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [{ role: "user", content: "Some JSON please" }],
      response_format: { type: "json_object" },
    });
    const value = JSON.parse(json.choices[0]?.message.content ?? "");
    expect(value).toMatchObject({ model: "gemini-2.0-flash", lastUserMessage: "Some JSON please" });
    const broken = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [{ role: "user", content: "Broken JSON\n#emulator invalid=1" }],
      response_format: {
        type: "json_schema",
        json_schema: { name: "city", schema: cityTable },
      },
    });
    const brokenValue = JSON.parse(broken.choices[0]?.message.content ?? "");
    const result = new Validator(cityTable as never, "2020-12", false).validate(brokenValue);
    expect(result.valid).toBe(false);
  });
});

describe("chat completions: directives and the log", () => {
  it("sizes answers with #emulator tokens=N and logs the request", async () => {
    const { data: completion, response } = await openai()
      .chat.completions.create({
        model: "gemini-2.0-flash",
        messages: [{ role: "user", content: "Long answer\n#emulator tokens=300" }],
      })
      .withResponse();
    expect(completion.usage?.completion_tokens).toBe(300);
    expect(completion.choices[0]?.message.content).toHaveLength(1200);
    const id = response.headers.get("x-emulator-request-id") ?? "";
    expect(server().log.get(id)).toMatchObject({
      method: "POST",
      path: "/v1beta/openai/chat/completions",
      model: "gemini-2.0-flash",
      promptExcerpt: "Long answer\n#emulator tokens=300",
      outcome: "ok",
      status: 200,
      chunksSent: 0,
    });
  });

  it("logs a stream with the chunks it sent, [DONE] included", async () => {
    const { data: stream, response } = await openai()
      .chat.completions.create({
        model: "gemini-2.0-flash",
        messages: [{ role: "user", content: "Logged stream\n#emulator chunk=50" }],
        stream: true,
      })
      .withResponse();
    const chunks = await collect(stream);
    const id = response.headers.get("x-emulator-request-id") ?? "";
    expect(server().log.get(id)).toMatchObject({
      model: "gemini-2.0-flash",
      outcome: "ok",
      status: 200,
      chunksSent: chunks.length + 1,
    });
  });

  it("paces a stream at #emulator rate=N/s like the native stream", async () => {
    const started = Date.now();
    const chunks = await collect(
      await openai().chat.completions.create({
        model: "gemini-2.0-flash",
        messages: [{ role: "user", content: "Paced\n#emulator tokens=100 rate=400/s" }],
        stream: true,
      }),
    );
    const elapsed = Date.now() - started;
    expect(text(chunks)).toHaveLength(400);
    expect(elapsed).toBeGreaterThanOrEqual(200);
    expect(elapsed).toBeLessThan(2000);
  });

  it("fails a stream midway with #emulator error=503 after=2", async () => {
    const stream = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [{ role: "user", content: "Fail midway\n#emulator error=503 after=2 chunk=10" }],
      stream: true,
    });
    const seen: ChatCompletionChunk[] = [];
    const error = await (async () => {
      for await (const chunk of stream) seen.push(chunk);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(2);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).message).toContain("high demand");
  });
});
