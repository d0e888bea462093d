/**
 * Failures on the OpenAI-compatible endpoint: Google wraps its error envelope in a JSON array, so
 * the real `openai` client sees the status but no message ("400 status code (no body)"); the raw
 * body carries Google's words. Keys, unknown models, malformed bodies, directives, and a client
 * that leaves mid-stream (lib/emulator/openai/serve.ts, errors.ts).
 */
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { setupEmulatorServer, waitForEnd } from "./emulator-fixture";

const { server } = setupEmulatorServer();
const keyed = setupEmulatorServer({ acceptKey: (key) => key === "the-right-key" });

const openai = (apiKey = "test-key", base = server().url) =>
  new OpenAI({ apiKey, baseURL: `${base}/v1beta/openai/`, maxRetries: 0 });

interface Envelope {
  error: { code: number; message: string; status: string; details?: Record<string, unknown>[] };
}

async function post(body: unknown, headers: Record<string, string> = {}, base = server().url) {
  const response = await fetch(`${base}/v1beta/openai/chat/completions`, {
    method: "POST",
    headers: { authorization: "Bearer test-key", "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Envelope[] };
}

const hello = { model: "gemini-2.5-flash", messages: [{ role: "user", content: "Hello" }] };

describe("the error envelope", () => {
  it("wraps Google's error in a pretty-printed one-element array", async () => {
    const { status, text, json } = await post({ ...hello, google: {} });
    expect(status).toBe(400);
    expect(text.startsWith('[\n  {\n    "error": {\n')).toBe(true);
    expect(json).toEqual([
      {
        error: {
          code: 400,
          message: 'Invalid JSON payload received. Unknown name "google": Cannot find field.',
          status: "INVALID_ARGUMENT",
          details: [
            {
              "@type": "type.googleapis.com/google.rpc.BadRequest",
              fieldViolations: [
                {
                  description:
                    'Invalid JSON payload received. Unknown name "google": Cannot find field.',
                },
              ],
            },
          ],
        },
      },
    ]);
  });

  it("leaves the openai client without a readable error object", async () => {
    const error = await openai()
      .chat.completions.create({ ...hello, top_k: 5 } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const apiError = error as InstanceType<typeof OpenAI.BadRequestError>;
    expect(apiError.status).toBe(400);
    // The client looks for `body.error`; an array has none, so it keeps the whole array and
    // prints it as JSON (older clients said only "400 status code (no body)").
    expect(Array.isArray(apiError.error)).toBe(true);
    expect(apiError.code).toBeUndefined();
    expect(apiError.message.startsWith('400 [{"error":{"code":400,')).toBe(true);
    expect(apiError.message).toContain('Unknown name \\"top_k\\": Cannot find field.');
  });

  it("names every problem of a malformed body, at any depth, in Google's words", async () => {
    const { status, json } = await post({
      model: "gemini-2.5-flash",
      temperature: "hot",
      messages: [{ role: "user", content: "Hi", mood: "happy" }],
      tools: [{ type: "function", function: { name: "f", parameters: {} }, cache: true }],
    });
    expect(status).toBe(400);
    expect(json[0]?.error.message.split("\n")).toEqual([
      "Invalid value at 'temperature' (TYPE_FLOAT), \"hot\"",
      "Invalid JSON payload received. Unknown name \"mood\" at 'messages[0]': Cannot find field.",
      "Invalid JSON payload received. Unknown name \"cache\" at 'tools[0]': Cannot find field.",
    ]);
    const list = await post({ ...hello, stream: [true] });
    expect(list.json[0]?.error.message).toBe(
      'Invalid JSON payload received. Unknown name "stream": Proto field is not repeating, cannot start list.',
    );
  });

  it("refuses bad roles, missing messages and a tool_choice naming no tool", async () => {
    const role = await post({
      model: "gemini-2.5-flash",
      messages: [{ role: "robot", content: "x" }],
    });
    expect(role.status).toBe(400);
    expect(role.json[0]?.error.message).toBe(
      '* ChatCompletionRequest.messages[0].role: invalid role "robot"; use one of system, developer, user, assistant, tool\n',
    );
    const empty = await post({ model: "gemini-2.5-flash", messages: [] });
    expect(empty.json[0]?.error.message).toBe(
      "* ChatCompletionRequest.messages: messages is not specified\n",
    );
    const choice = await post({
      ...hello,
      tool_choice: { type: "function", function: { name: "nope" } },
    });
    expect(choice.json[0]?.error.message).toBe(
      '* ChatCompletionRequest.tool_choice: no tool is named "nope"\n',
    );
  });

  it("passes native validation on: ranges and per-model rules answer as on the native API", async () => {
    const hot = await post({ ...hello, temperature: 5 });
    expect(hot.status).toBe(400);
    expect(hot.json[0]?.error.message).toContain(
      "GenerateContentRequest.generation_config.temperature",
    );
    const penalty = await post({ ...hello, presence_penalty: 0.5 });
    expect(penalty.json[0]?.error.message).toBe(
      "Penalty is not enabled for models/gemini-2.5-flash",
    );
    const json = await post("{not json");
    expect(json.status).toBe(400);
    expect(json.json[0]?.error.message).toContain("Invalid JSON payload received.");
  });

  it("404s an unknown model, with the native words", async () => {
    const error = await openai()
      .chat.completions.create({ ...hello, model: "gemini-0-nonexistent" } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    const { status, json } = await post({ ...hello, model: "gemini-0-nonexistent" });
    expect(status).toBe(404);
    expect(json[0]?.error).toEqual({
      code: 404,
      message:
        "models/gemini-0-nonexistent is not found for API version v1beta, or is not supported for generateContent. Call ModelService.ListModels to see the list of available models and their supported methods.",
      status: "NOT_FOUND",
    });
    // The models/ prefix names the same model.
    const prefixed = await openai().chat.completions.create({
      ...hello,
      model: "models/gemini-2.0-flash",
    } as never);
    expect((prefixed as OpenAI.ChatCompletion).model).toBe("models/gemini-2.0-flash");
  });

  it("answers #emulator error=429 with a RateLimitError and RetryInfo in the raw body", async () => {
    const prompt = {
      ...hello,
      messages: [{ role: "user", content: "Busy?\n#emulator error=429 retryDelay=3s" }],
    };
    const error = await openai()
      .chat.completions.create(prompt as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const { status, json } = await post(prompt);
    expect(status).toBe(429);
    expect(json[0]?.error.status).toBe("RESOURCE_EXHAUSTED");
    expect(json[0]?.error.details).toContainEqual({
      "@type": "type.googleapis.com/google.rpc.RetryInfo",
      retryDelay: "3s",
    });
  });
});

describe("keys", () => {
  it("takes the key as a bearer token, or as x-goog-api-key", async () => {
    const ok = await openai("the-right-key", keyed.server().url).chat.completions.create(
      hello as never,
    );
    expect((ok as OpenAI.ChatCompletion).choices).toHaveLength(1);
    const viaHeader = await fetch(`${keyed.server().url}/v1beta/openai/models`, {
      headers: { "x-goog-api-key": "the-right-key" },
    });
    expect(viaHeader.status).toBe(200);
  });

  it("refuses a wrong key with 400 API_KEY_INVALID, and a missing one with 403", async () => {
    const error = await openai("a-wrong-key", keyed.server().url)
      .models.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const { status, json } = await post(
      hello,
      { authorization: "Bearer a-wrong-key" },
      keyed.server().url,
    );
    expect(status).toBe(400);
    expect(json[0]?.error.message).toBe("API key not valid. Please pass a valid API key.");
    expect(json[0]?.error.details?.[0]).toMatchObject({ reason: "API_KEY_INVALID" });
    const missing = await fetch(`${server().url}/v1beta/openai/models`);
    expect(missing.status).toBe(403);
    const [envelope] = (await missing.json()) as Envelope[];
    expect(envelope?.error.status).toBe("PERMISSION_DENIED");
  });

  it("logs refused requests as errors with their status", async () => {
    const { status } = await post(
      hello,
      { authorization: "Bearer a-wrong-key" },
      keyed.server().url,
    );
    expect(status).toBe(400);
    const entry = keyed.server().log.list().at(-1);
    expect(entry).toMatchObject({
      path: "/v1beta/openai/chat/completions",
      outcome: "error",
      status: 400,
    });
  });
});

describe("a client that leaves", () => {
  it("ends the emulator's stream as client_closed within a second", async () => {
    const { data: stream, response } = await openai()
      .chat.completions.create({
        model: "gemini-2.5-flash",
        messages: [
          { role: "user", content: "A long, slow answer\n#emulator tokens=4000 rate=100/s" },
        ],
        stream: true,
      })
      .withResponse();
    const id = response.headers.get("x-emulator-request-id") ?? "";
    expect(id).toMatch(/^req-\d+$/);
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value?.choices[0]?.delta.content).toBeTypeOf("string");
    const abortedAt = Date.now();
    stream.controller.abort();
    const entry = await waitForEnd(server(), id);
    expect(entry.outcome).toBe("client_closed");
    expect(entry.endedAt ?? Infinity).toBeLessThan(abortedAt + 1000);
    // 4,000 tokens at 100/s would take 40 s: the stream really stopped early.
    expect(entry.chunksSent).toBeLessThan(10);
  });

  it("stops a paced unary call when the client aborts", async () => {
    const controller = new AbortController();
    const pending = openai().chat.completions.create(
      {
        model: "gemini-2.5-flash",
        messages: [
          { role: "user", content: "Slow unary compat\n#emulator tokens=2000 rate=100/s" },
        ],
      },
      { signal: controller.signal },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const abortedAt = Date.now();
    controller.abort();
    await expect(pending).rejects.toThrow();
    const started = server()
      .log.list()
      .find((entry) => entry.promptExcerpt?.startsWith("Slow unary compat"));
    const entry = await waitForEnd(server(), started?.id ?? "");
    expect(entry.outcome).toBe("client_closed");
    expect(entry.endedAt ?? Infinity).toBeLessThan(abortedAt + 1000);
  });
});
