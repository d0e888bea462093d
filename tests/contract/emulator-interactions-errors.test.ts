/**
 * Errors of the Interactions API through the real SDK, in this API's envelope
 * (`{"error": {"message", "code"}}`) with Google's statuses: a body that does not parse is 400,
 * an unknown model, agent or interaction 404.
 */
import { describe, expect, it } from "vitest";
import { setupEmulatorServer } from "./emulator-fixture";

const { client, server } = setupEmulatorServer();

interface Failure {
  status?: number;
  error?: { error?: { code?: string; message?: string } };
}

async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    return error as Failure;
  }
  throw new Error("expected the call to fail");
}

/** The raw body, for what the SDK's types forbid. */
async function post(body: unknown, key = "test-key") {
  const response = await fetch(`${server().url}/v1beta/interactions`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-goog-api-key": key },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe("a body that does not parse is 400 invalid_request, every problem listed", () => {
  it("names unknown fields and wrong types at their paths, one per line", async () => {
    const { status, body } = await post({
      model: "gemini-2.5-flash",
      input: "x",
      temperature: 0.5,
      generation_config: { temperature: "hot", max_tokens: 5 },
      stream: "yes",
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message.split("\n")).toEqual([
      'Invalid JSON payload received. Unknown name "temperature": Cannot find field.',
      "Invalid value at 'generation_config.temperature' (TYPE_FLOAT), \"hot\"",
      "Invalid JSON payload received. Unknown name \"max_tokens\" at 'generation_config': Cannot find field.",
      "Invalid value at 'stream' (TYPE_BOOL), \"yes\"",
    ]);
  });

  it("checks content blocks, steps and tools by their type", async () => {
    const blocks = await post({
      model: "gemini-2.5-flash",
      input: [
        { type: "text", text: "x" },
        { type: "picture", data: "AAAA" },
      ],
    });
    expect(blocks.status).toBe(400);
    expect(blocks.body.error.message).toBe(
      "Invalid value at 'input[1].type' (Content), \"picture\"",
    );

    const steps = await post({
      model: "gemini-2.5-flash",
      input: [
        { type: "user_input", content: [{ type: "text" }] },
        { type: "function_call", name: "f" },
      ],
    });
    expect(steps.body.error.message.split("\n")).toEqual([
      "Missing required field \"text\" at 'input[0].content[0]'.",
      "Missing required field \"id\" at 'input[1]'.",
      "Missing required field \"arguments\" at 'input[1]'.",
    ]);

    const tools = await post({
      model: "gemini-2.5-flash",
      input: "x",
      tools: [{ type: "web_browse" }],
    });
    expect(tools.body.error.message).toBe(
      "Invalid value at 'tools[0].type' (Tool), \"web_browse\"",
    );

    const bytes = await post({
      model: "gemini-2.5-flash",
      input: [{ type: "image", data: "not base64!", mime_type: "image/png" }],
    });
    expect(bytes.body.error.message).toContain("Base64 decoding failed");
  });

  it("refuses JSON that does not parse, and bodies naming neither or both of model and agent", async () => {
    const broken = await post("{ not json");
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe("invalid_request");
    expect(broken.body.error.message).toContain("Invalid JSON payload received");

    const neither = await failure(client().interactions.create({ input: "x" } as never));
    expect(neither.status).toBe(400);
    expect(neither.error?.error?.message).toBe("Either model or agent must be set.");
    const both = await post({
      model: "gemini-2.5-flash",
      agent: "deep-research-pro-preview-12-2025",
      input: "x",
    });
    expect(both.body.error.message).toBe("Only one of model or agent can be set.");
    const noInput = await post({ model: "gemini-2.5-flash" });
    expect(noInput.body.error.message).toBe("input is required.");
    const emptyInput = await post({ model: "gemini-2.5-flash", input: [] });
    expect(emptyInput.body.error.message).toBe("input must not be empty.");
  });

  it("passes the model's own rules through (maxOutputTokens range), in this envelope", async () => {
    const error = await failure(
      client().interactions.create({
        model: "gemini-2.5-flash",
        input: "x",
        generation_config: { max_output_tokens: 70000 },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.error?.error?.code).toBe("invalid_request");
    expect(error.error?.error?.message).toContain("maxOutputTokens value of 70000");
  });
});

describe("404s", () => {
  it("for a model the catalogue does not have", async () => {
    const error = await failure(
      client().interactions.create({ model: "gemini-0-nano", input: "x" }),
    );
    expect(error.status).toBe(404);
    expect(error.error?.error).toEqual({
      code: "not_found",
      message: expect.stringContaining("models/gemini-0-nano is not found"),
    });
  });

  it("for an interaction id it never issued, on get, cancel and delete", async () => {
    for (const call of [
      client().interactions.get("v1_unknown"),
      client().interactions.cancel("v1_unknown"),
      client().interactions.delete("v1_unknown"),
    ]) {
      const error = await failure(call);
      expect(error.status).toBe(404);
      expect(error.error?.error).toEqual({
        code: "not_found",
        message: "Requested entity was not found.",
      });
    }
  });
});

describe("resuming", () => {
  it("needs stream=true for last_event_id, and an event id the interaction issued", async () => {
    const created = await client().interactions.create({ model: "gemini-2.5-flash", input: "x" });
    const noStream = await failure(client().interactions.get(created.id, { last_event_id: "CAE" }));
    expect(noStream.status).toBe(400);
    expect(noStream.error?.error?.message).toBe(
      "last_event_id can only be used if stream is true.",
    );
    const unknown = await failure(
      client().interactions.get(created.id, { stream: true, last_event_id: "nope" }),
    );
    expect(unknown.status).toBe(400);
  });
});

describe("injected failures (#emulator error=)", () => {
  it("answers with the status asked for, in this API's envelope", async () => {
    const error = await failure(
      client().interactions.create(
        { model: "gemini-2.5-flash", input: "Fail\n#emulator error=429" },
        { maxRetries: 0 },
      ),
    );
    expect(error.status).toBe(429);
    expect(error.error?.error?.code).toBe("resource_exhausted");
    expect(error.error?.error?.message).toContain("You exceeded your current quota");
  });

  it("logs a failed create as an error with its status", async () => {
    await failure(client().interactions.create({ model: "gemini-0-nano", input: "x" }));
    const entry = server().log.list().at(-1);
    expect(entry).toMatchObject({
      method: "POST",
      model: "gemini-0-nano",
      outcome: "error",
      status: 404,
    });
  });
});

describe("the API key", () => {
  it("is checked before anything else, as on every Gemini route", async () => {
    const { status, body } = await post({ model: "gemini-2.5-flash", input: "x" }, "");
    expect(status).toBe(403);
    expect(body.error.status).toBe("PERMISSION_DENIED");
  });
});
