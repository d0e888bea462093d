/**
 * The Interactions API through the real SDK's `ai.interactions`: a text interaction is the same
 * answer generateContent gives for the same prompt, in the Interaction shape, and is stored.
 */
import { describe, expect, it } from "vitest";
import { setupEmulatorServer } from "./emulator-fixture";
import { failure } from "./interactions-fixture";

const { client, server } = setupEmulatorServer();

describe("interactions.create with a model", () => {
  it("answers the same words as generateContent, as model steps with usage", async () => {
    const prompt = "Name three rivers in Europe.";
    const interaction = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: prompt,
    });
    const native = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: prompt,
    });

    expect(interaction.id).toMatch(/^v1_[A-Za-z0-9_-]{40,}$/);
    expect(interaction).toMatchObject({ object: "interaction" });
    expect(interaction.model).toBe("gemini-2.5-flash");
    expect(interaction.status).toBe("completed");
    expect(interaction.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(interaction.output_text).toBe(native.text);
    expect(interaction.output_text).toContain(
      '- Last user message: "Name three rivers in Europe."',
    );
    // POST answers the model's steps only: a signed thought (2.5 thinks), then the answer.
    expect(interaction.steps?.map((step) => step.type)).toEqual(["thought", "model_output"]);
    expect(interaction.steps?.[0]).toEqual({ type: "thought", signature: expect.any(String) });

    const usage = native.usageMetadata;
    expect(interaction.usage).toMatchObject({
      total_input_tokens: usage?.promptTokenCount,
      total_output_tokens: usage?.candidatesTokenCount,
      total_thought_tokens: usage?.thoughtsTokenCount,
      total_tokens: usage?.totalTokenCount,
      input_tokens_by_modality: [{ modality: "text", tokens: usage?.promptTokenCount }],
    });
  });

  it("passes the system instruction and generation config through to the same answer", async () => {
    const interaction = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Summarise the plot of Hamlet.",
      system_instruction: "Be terse.",
      generation_config: { temperature: 0.2, top_p: 0.9, max_output_tokens: 900, seed: 7 },
    });
    const native = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: "Summarise the plot of Hamlet.",
      config: {
        systemInstruction: "Be terse.",
        temperature: 0.2,
        topP: 0.9,
        maxOutputTokens: 900,
        seed: 7,
      },
    });
    expect(interaction.output_text).toBe(native.text);
    expect(interaction.output_text).toContain('- System instruction: "Be terse."');
    expect(interaction.output_text).toContain("- Temperature: 0.2");
    expect(interaction.output_text).toContain("- Top P: 0.9");
    expect(interaction.output_text).toContain("- Seed: 7");
  });

  it("reads a list of content blocks as one user turn", async () => {
    const interaction = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: [
        { type: "text", text: "First line." },
        { type: "text", text: "Second line." },
      ],
    });
    expect(interaction.output_text).toContain('- Last user message: "First line. Second line."');
    expect(interaction.output_text).toContain("- Turns: 1");
  });

  it("serves the same API on /v1/, where the SDK 3.x sends it by default", async () => {
    const interaction = await client("v1").interactions.create({
      model: "gemini-3-flash-preview",
      input: "Hello from v1",
    });
    expect(interaction.status).toBe("completed");
    const fetched = await client("v1").interactions.get(interaction.id);
    expect(fetched.output_text).toBe(interaction.output_text);
  });
});

describe("a stored interaction", () => {
  it("comes back from get with its whole timeline, the user_input step first", async () => {
    const created = await client().interactions.create({
      model: "gemini-3-flash-preview",
      input: "Remember this: 42.",
    });
    const fetched = await client().interactions.get(created.id);
    expect(fetched.id).toBe(created.id);
    expect(fetched.status).toBe("completed");
    expect(fetched.steps?.[0]).toEqual({
      type: "user_input",
      content: [{ type: "text", text: "Remember this: 42." }],
    });
    expect(fetched.steps?.slice(1)).toEqual(created.steps);
    expect(fetched.output_text).toBe(created.output_text);
    // The SDK's create adds `initial_input_tokens` (it merges continuation hops); get does not.
    expect(created.usage).toEqual({
      ...fetched.usage,
      initial_input_tokens: fetched.usage?.total_input_tokens,
    });
    const withInput = await client().interactions.get(created.id, { include_input: true });
    expect(withInput.input).toEqual([
      { type: "user_input", content: [{ type: "text", text: "Remember this: 42." }] },
    ]);
  });

  it("is gone after delete: get and a continuation then fail with 404", async () => {
    const created = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Soon deleted",
    });
    await client().interactions.delete(created.id);
    const get = await failure(client().interactions.get(created.id));
    expect(get.status).toBe(404);
    expect(get.error?.error?.code).toBe("not_found");
    const next = await failure(
      client().interactions.create({
        model: "gemini-2.5-flash",
        input: "Go on",
        previous_interaction_id: created.id,
      }),
    );
    expect(next.status).toBe(404);
    expect(next.error?.error?.message).toBe("previous_interaction_id not found");
    expect((await failure(client().interactions.delete(created.id))).status).toBe(404);
  });

  it("logs each call with its model, prompt and outcome", async () => {
    const created = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Logged prompt",
    });
    await client().interactions.get(created.id);
    const [post, get] = server().log.list().slice(-2);
    expect(post).toMatchObject({
      method: "POST",
      path: "/v1beta/interactions",
      model: "gemini-2.5-flash",
      promptExcerpt: "Logged prompt",
      outcome: "ok",
      status: 200,
    });
    expect(get).toMatchObject({
      method: "GET",
      path: `/v1beta/interactions/${created.id}`,
      model: "gemini-2.5-flash",
      outcome: "ok",
    });
  });
});
