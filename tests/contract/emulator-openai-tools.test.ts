/**
 * Function calling over the OpenAI-compatible endpoint with the real `openai` client, quirks
 * included: streamed tool calls come whole and without `index`, a streamed tool-call answer ends
 * with finish_reason "stop", and Gemini 3 thought signatures ride in `extra_content.google` and
 * must come back on the assistant's tool_calls (lib/emulator/openai/serve.ts).
 */
import OpenAI from "openai";
import type {
  ChatCompletionChunk,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
  ChatCompletionTool,
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

const weatherSchema = {
  type: "object",
  properties: { city: { type: "string" }, unit: { type: "string", enum: ["C", "F"] } },
  required: ["city"],
};

const tools: ChatCompletionTool[] = [
  {
    type: "function",
    function: {
      name: "get_weather",
      description: "Weather forecast for a city",
      parameters: weatherSchema,
    },
  },
  { type: "function", function: { name: "get_time", description: "Current time in a city" } },
];

/** What the `openai` types do not know: Google's extension on tool calls and messages. */
type Signed = { extra_content?: { google?: { thought_signature?: string; thought?: boolean } } };

const signatureOf = (value: unknown) => (value as Signed).extra_content?.google?.thought_signature;

async function collect(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

function functionCall(call: ChatCompletionMessageToolCall | undefined) {
  if (call?.type !== "function") throw new Error("expected a function tool call");
  return call.function;
}

describe("tool calls, unary", () => {
  it("calls the function the prompt names, with arguments valid for its schema", async () => {
    const completion = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [{ role: "user", content: "What's the weather in Lisbon?" }],
      tools,
    });
    const [choice] = completion.choices;
    expect(choice?.finish_reason).toBe("tool_calls");
    expect(choice?.message.content ?? null).toBeNull();
    const calls = choice?.message.tool_calls ?? [];
    expect(calls).toHaveLength(1);
    expect(calls[0]?.type).toBe("function");
    expect(calls[0]?.id).toMatch(/^[a-z0-9]{8}$/);
    const fn = functionCall(calls[0]);
    expect(fn.name).toBe("get_weather");
    const args = JSON.parse(fn.arguments);
    expect(args.city).toBeTypeOf("string");
    expect([undefined, "C", "F"]).toContain(args.unit);
  });

  it("makes the same call as the native API for the same request", async () => {
    const native = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: "What time is it in Oslo? Use get_time.",
      config: {
        tools: [
          {
            functionDeclarations: [
              {
                name: "get_weather",
                description: "Weather forecast for a city",
                parametersJsonSchema: weatherSchema,
              },
              { name: "get_time", description: "Current time in a city" },
            ],
          },
        ],
      },
    });
    const part = native.candidates?.[0]?.content?.parts?.[0];
    const completion = await openai().chat.completions.create({
      model: "gemini-2.5-flash",
      messages: [{ role: "user", content: "What time is it in Oslo? Use get_time." }],
      tools,
    });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(functionCall(call).name).toBe(part?.functionCall?.name);
    expect(JSON.parse(functionCall(call).arguments)).toEqual(part?.functionCall?.args);
    // 2.5 signs the first call when it thought; the signature travels in extra_content.
    expect(signatureOf(call)).toBe(part?.thoughtSignature);
    expect(completion.usage?.prompt_tokens).toBe(native.usageMetadata?.promptTokenCount);
  });

  it("answers the tool result in text after a round trip", async () => {
    const ask: ChatCompletionMessageParam = { role: "user", content: "Weather in Porto?" };
    const first = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [ask],
      tools,
    });
    const message = first.choices[0]?.message;
    const call = message?.tool_calls?.[0];
    if (!message || !call) throw new Error("expected a tool call");
    const second = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [
        ask,
        message,
        {
          role: "tool",
          tool_call_id: call.id,
          content: JSON.stringify({ temp: 21, sky: "clear" }),
        },
      ],
      tools,
    });
    const [choice] = second.choices;
    expect(choice?.finish_reason).toBe("stop");
    expect(choice?.message.tool_calls ?? []).toHaveLength(0);
    expect(choice?.message.content).toContain(
      '- Function response: get_weather returned `{"temp":21,"sky":"clear"}`',
    );
    expect(choice?.message.content).toContain("- Turns: 3");
  });

  it("calls a function on tool_choice required, the named one, and none on none", async () => {
    const required = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [{ role: "user", content: "Just say hi." }],
      tools,
      tool_choice: "required",
    });
    expect(required.choices[0]?.message.tool_calls).toHaveLength(1);
    expect(required.choices[0]?.finish_reason).toBe("tool_calls");

    const named = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [{ role: "user", content: "What's the weather in Rome?" }],
      tools,
      tool_choice: { type: "function", function: { name: "get_time" } },
    });
    expect(functionCall(named.choices[0]?.message.tool_calls?.[0]).name).toBe("get_time");

    const none = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [{ role: "user", content: "What's the weather in Rome?" }],
      tools,
      tool_choice: "none",
    });
    expect(none.choices[0]?.message.tool_calls ?? []).toHaveLength(0);
    expect(none.choices[0]?.message.content).toContain("- Function calling: NONE");
  });

  it("answers parallel calls with one tool call each, distinct ids", async () => {
    const completion = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages: [{ role: "user", content: "Weather and time in Paris\n#emulator calls=2" }],
      tools,
    });
    const calls = completion.choices[0]?.message.tool_calls ?? [];
    expect(calls.map((call) => functionCall(call).name)).toEqual(["get_weather", "get_time"]);
    expect(new Set(calls.map((call) => call.id)).size).toBe(2);
  });
});

describe("tool calls, streamed: Google's shape", () => {
  it("sends each call whole in one delta without index, and finish_reason stop", async () => {
    const chunks = await collect(
      await openai().chat.completions.create({
        model: "gemini-2.0-flash",
        messages: [{ role: "user", content: "Weather and time in Paris\n#emulator calls=2" }],
        tools,
        stream: true,
      }),
    );
    const deltas = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    // Parallel calls arrive one per chunk, each complete, none with the `index` OpenAI sends.
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.tool_calls).length).toBe(2);
    expect(deltas).toHaveLength(2);
    for (const delta of deltas) {
      expect("index" in delta).toBe(false);
      expect(delta.id).toMatch(/^[a-z0-9]{8}$/);
      expect(delta.type).toBe("function");
      expect(() => JSON.parse(delta.function?.arguments ?? "")).not.toThrow();
    }
    expect(deltas.map((delta) => delta.function?.name)).toEqual(["get_weather", "get_time"]);
    // The quirk clients must survive: a tool-call answer ends with "stop", not "tool_calls".
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.some((chunk) => chunk.choices[0]?.finish_reason === "tool_calls")).toBe(false);
  });

  it("streams the same call the unary answer makes, assembled by id", async () => {
    const messages: ChatCompletionMessageParam[] = [
      { role: "user", content: "What's the weather in Madrid?" },
    ];
    const unary = await openai().chat.completions.create({
      model: "gemini-2.0-flash",
      messages,
      tools,
    });
    const chunks = await collect(
      await openai().chat.completions.create({
        model: "gemini-2.0-flash",
        messages,
        tools,
        stream: true,
      }),
    );
    const byId = new Map<string, { name: string; arguments: string }>();
    for (const chunk of chunks) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) {
        const entry = byId.get(call.id ?? "") ?? { name: "", arguments: "" };
        entry.name += call.function?.name ?? "";
        entry.arguments += call.function?.arguments ?? "";
        byId.set(call.id ?? "", entry);
      }
    }
    const streamed = [...byId.values()];
    const unaryCall = functionCall(unary.choices[0]?.message.tool_calls?.[0]);
    expect(streamed).toHaveLength(1);
    expect(streamed[0]?.name).toBe(unaryCall.name);
    expect(JSON.parse(streamed[0]?.arguments ?? "")).toEqual(JSON.parse(unaryCall.arguments));
  });
});

describe("Gemini 3 thought signatures over the compat endpoint", () => {
  const model = "gemini-3-flash-preview";

  async function firstTurn() {
    const ask: ChatCompletionMessageParam = { role: "user", content: "Weather in Lisbon?" };
    const completion = await openai().chat.completions.create({
      model,
      messages: [ask],
      tools,
    });
    const message = completion.choices[0]?.message;
    const call = message?.tool_calls?.[0];
    if (!message || !call) throw new Error("expected a tool call");
    return { ask, message, call };
  }

  it("signs the call in extra_content.google and accepts it back", async () => {
    const { ask, message, call } = await firstTurn();
    const signature = signatureOf(call);
    expect(signature).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    const next = await openai().chat.completions.create({
      model,
      messages: [ask, message, { role: "tool", tool_call_id: call.id, content: '{"temp":19}' }],
      tools,
    });
    expect(next.choices[0]?.message.content).toContain(
      '- Function response: get_weather returned `{"temp":19}`',
    );
    // Gemini 3 signs its text answers too; the signature rides on the message.
    expect(signatureOf(next.choices[0]?.message)).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
  });

  it("refuses the next turn when the call comes back unsigned, as the native API does", async () => {
    const { ask, message, call } = await firstTurn();
    const unsigned = {
      role: "assistant" as const,
      tool_calls: [{ id: call.id, type: "function" as const, function: functionCall(call) }],
    };
    const response = await fetch(`${server().url}/v1beta/openai/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer test-key", "content-type": "application/json" },
      body: JSON.stringify({
        model,
        messages: [ask, unsigned, { role: "tool", tool_call_id: call.id, content: "{}" }],
        tools,
      }),
    });
    expect(response.status).toBe(400);
    const [envelope] = (await response.json()) as { error: { message: string; status: string } }[];
    const nativeError = await client()
      .models.generateContent({
        model,
        contents: [
          { role: "user", parts: [{ text: "Weather in Lisbon?" }] },
          { role: "model", parts: [{ functionCall: { name: "get_weather", args: {} } }] },
          { role: "user", parts: [{ functionResponse: { name: "get_weather", response: {} } }] },
        ],
      })
      .catch((e: unknown) => e);
    const nativeMessage = JSON.parse((nativeError as Error).message).error.message;
    expect(envelope?.error.status).toBe("INVALID_ARGUMENT");
    expect(envelope?.error.message).toBe(nativeMessage);
    expect(envelope?.error.message).toContain(
      "Function call is missing a thought_signature in functionCall parts.",
    );
    expect(envelope?.error.message).toContain(
      "function call `default_api:get_weather` , position 2",
    );
    // The openai client sees the same 400, without its message (the body is an array).
    const viaClient = await openai()
      .chat.completions.create({
        model,
        messages: [ask, unsigned, { role: "tool", tool_call_id: call.id, content: "{}" }],
        tools,
      })
      .catch((e: unknown) => e);
    expect(viaClient).toBeInstanceOf(OpenAI.BadRequestError);
    expect(message.tool_calls).toHaveLength(1);
  });

  it("accepts Google's documented dummy signature in place of a real one", async () => {
    const { ask, call } = await firstTurn();
    const next = await openai().chat.completions.create({
      model,
      messages: [
        ask,
        {
          role: "assistant",
          tool_calls: [
            {
              id: call.id,
              type: "function",
              function: functionCall(call),
              extra_content: { google: { thought_signature: "skip_thought_signature_validator" } },
            } as ChatCompletionMessageToolCall,
          ],
        },
        { role: "tool", tool_call_id: call.id, content: "{}" },
      ],
      tools,
    });
    expect(next.choices[0]?.finish_reason).toBe("stop");
  });

  it("streams the signed call, then a content-less last delta", async () => {
    const chunks = await collect(
      await openai().chat.completions.create({
        model,
        messages: [{ role: "user", content: "Weather in Lisbon?" }],
        tools,
        stream: true,
      }),
    );
    const callChunk = chunks.find((chunk) => chunk.choices[0]?.delta.tool_calls);
    expect(signatureOf(callChunk?.choices[0]?.delta.tool_calls?.[0])).toMatch(
      /^[A-Za-z0-9+/=]{20,}$/,
    );
    const last = chunks.at(-1)?.choices[0];
    expect(last?.finish_reason).toBe("stop");
    expect(last?.delta.content ?? "").toBe("");
    expect(last?.delta.tool_calls).toBeUndefined();
  });

  it("ends a streamed text answer with the signature alone in delta.extra_content", async () => {
    const chunks = await collect(
      await openai().chat.completions.create({
        model,
        messages: [{ role: "user", content: "Say something." }],
        stream: true,
      }),
    );
    const last = chunks.at(-1)?.choices[0];
    expect(last?.finish_reason).toBe("stop");
    expect(last?.delta.content ?? "").toBe("");
    expect(signatureOf(last?.delta)).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(chunks.slice(0, -1).every((chunk) => !signatureOf(chunk.choices[0]?.delta))).toBe(true);
  });
});
