/**
 * Server-side state through the real SDK: `previous_interaction_id` continues a conversation the
 * emulator kept, `store: false` keeps nothing, and a decode longer than one request allows is
 * continued by the SDK's automatic continuation hops.
 */
import { describe, expect, it, vi } from "vitest";
import { setupEmulatorServer } from "./emulator-fixture";
import { failure } from "./interactions-fixture";

const { client, server } = setupEmulatorServer();

describe("previous_interaction_id", () => {
  it("makes the earlier turn the history of the next: the answer and the bill see it", async () => {
    const first = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "My name is Phil.",
    });
    const second = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "What is my name?",
      previous_interaction_id: first.id,
    });
    expect(first.output_text).toContain("- Turns: 1");
    expect(second.output_text).toContain("- Turns: 3");
    expect(second.output_text).toContain('- Last user message: "What is my name?"');
    // The whole first turn (question and answer) is billed again as input.
    expect(second.usage?.total_input_tokens).toBeGreaterThan(
      (first.usage?.total_input_tokens ?? 0) + (first.usage?.total_output_tokens ?? 0),
    );
    const fetched = await client().interactions.get(second.id);
    expect(fetched.previous_interaction_id).toBe(first.id);
    expect(fetched.steps?.[0]).toEqual({
      type: "user_input",
      content: [{ type: "text", text: "What is my name?" }],
    });

    // The same conversation sent by hand to generateContent gets the same answer.
    const answer = first.steps?.find((step) => step.type === "model_output");
    const thought = first.steps?.find((step) => step.type === "thought");
    const native = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: [
        { role: "user", parts: [{ text: "My name is Phil." }] },
        {
          role: "model",
          parts: [
            {
              text:
                answer?.type === "model_output" && answer.content?.[0]?.type === "text"
                  ? answer.content[0].text
                  : "",
              thoughtSignature: thought?.type === "thought" ? thought.signature : undefined,
            },
          ],
        },
        { role: "user", parts: [{ text: "What is my name?" }] },
      ],
    });
    expect(second.output_text).toBe(native.text);
  });

  it("continues a chain of three turns, each seeing all before it", async () => {
    let previous: string | undefined;
    const turns: string[] = [];
    for (const text of ["One.", "Two.", "Three."]) {
      const interaction = await client().interactions.create({
        model: "gemini-3-flash-preview",
        input: text,
        ...(previous && { previous_interaction_id: previous }),
      });
      previous = interaction.id;
      turns.push(interaction.output_text ?? "");
    }
    expect(turns[0]).toContain("- Turns: 1");
    expect(turns[1]).toContain("- Turns: 3");
    expect(turns[2]).toContain("- Turns: 5");
  });

  it("refuses an id it never issued with 404 previous_interaction_id not found", async () => {
    const error = await failure(
      client().interactions.create({
        model: "gemini-2.5-flash",
        input: "Hello",
        previous_interaction_id: "v1_doesnotexist",
      }),
    );
    expect(error.status).toBe(404);
    expect(error.error?.error).toEqual({
      message: "previous_interaction_id not found",
      code: "not_found",
    });
  });
});

describe("store: false", () => {
  it("answers but keeps nothing: get is 404 and the id cannot be continued", async () => {
    const interaction = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Do not keep this",
      store: false,
    });
    expect(interaction.status).toBe("completed");
    expect(interaction.output_text).toContain('"Do not keep this"');
    expect((await failure(client().interactions.get(interaction.id))).status).toBe(404);
    const next = await failure(
      client().interactions.create({
        model: "gemini-2.5-flash",
        input: "And now?",
        previous_interaction_id: interaction.id,
      }),
    );
    expect(next.status).toBe(404);
    expect(next.error?.error?.message).toBe("previous_interaction_id not found");
  });

  it("cannot run in the background", async () => {
    const error = await failure(
      client().interactions.create({
        model: "gemini-2.5-flash",
        input: "x",
        store: false,
        background: true,
      }),
    );
    expect(error.status).toBe(400);
    expect(error.error?.error?.code).toBe("invalid_request");
  });
});

describe("automatic continuation of a long decode", () => {
  it("stops each request at the decode limit; the SDK's hops add up to the whole answer", async () => {
    const prompt = "A very long answer\n#emulator tokens=20000";
    const before = server().log.list().length;
    const interaction = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: prompt,
    });
    const posts = server()
      .log.list()
      .slice(before)
      .filter((entry) => entry.method === "POST");
    // 20000 tokens at 8192 per request: three hops, each its own stored interaction.
    expect(posts).toHaveLength(3);
    expect(interaction.continuation_ids).toHaveLength(3);
    expect(interaction.id).toBe(interaction.continuation_ids?.at(-1));
    expect(interaction.status).toBe("completed");
    const native = await client().models.generateContent({
      model: "gemini-2.5-flash",
      contents: prompt,
    });
    expect(interaction.output_text).toBe(native.text);
    expect(interaction.usage?.total_output_tokens).toBe(native.usageMetadata?.candidatesTokenCount);

    const firstHop = await client().interactions.get(interaction.continuation_ids?.[0] ?? "");
    expect(firstHop.status).toBe("requires_continuation");
    expect(firstHop.continuation_token).toEqual(expect.any(String));
    const secondHop = await client().interactions.get(interaction.continuation_ids?.[1] ?? "");
    expect(secondHop.previous_interaction_id).toBe(firstHop.id);
  });

  it("hands the first hop back untouched with automatic_continuation: false", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const interaction = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Another very long answer\n#emulator tokens=12000",
      automatic_continuation: false,
    });
    expect(interaction.status).toBe("requires_continuation");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("status='requires_continuation'"));
    warn.mockRestore();
    expect(interaction.usage?.total_output_tokens).toBeGreaterThanOrEqual(8192);
    const rest = await client().interactions.create({
      model: "gemini-2.5-flash",
      previous_interaction_id: interaction.id,
      continuation_token: interaction.continuation_token,
    });
    expect(rest.status).toBe("completed");
    expect((interaction.output_text ?? "") + (rest.output_text ?? "")).toHaveLength(12000 * 4);
  });
});
