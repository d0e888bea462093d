import { describe, expect, it } from "vitest";
import { setupEmulatorServer } from "./emulator-fixture";
import { collect, failure, waitUntilDone } from "./interactions-fixture";

const { client } = setupEmulatorServer();
const AGENT = "deep-research-pro-preview-12-2025";

describe("the Deep Research agent", () => {
  it("plans, searches, reads, analyses and writes a cited report over a few seconds", async () => {
    const question = "Research the history of tensor processing units.";
    const startedAt = Date.now();
    const created = await client().interactions.create({
      agent: AGENT,
      input: question,
      background: true,
      agent_config: { type: "deep-research", thinking_summaries: "auto" },
    });
    expect(created.status).toBe("in_progress");
    expect(created.agent).toBe(AGENT);
    const { interaction, seen } = await waitUntilDone(client(), created.id);
    expect(Date.now() - startedAt).toBeGreaterThan(1500);
    expect(interaction.status).toBe("completed");

    const types = interaction.steps?.map((step) => step.type) ?? [];
    expect(types[0]).toBe("user_input");
    expect(types.filter((type) => type === "google_search_call")).toHaveLength(3);
    expect(types).toEqual(
      expect.arrayContaining([
        "thought",
        "google_search_result",
        "url_context_call",
        "url_context_result",
        "code_execution_call",
        "code_execution_result",
        "model_output",
      ]),
    );
    expect(types.at(-1)).toBe("model_output");
    // While it ran, polling showed research steps before the report existed.
    expect(seen.has("google_search_call")).toBe(true);

    const report = interaction.output_text ?? "";
    expect(report).toMatch(/^# Research report: /);
    expect(report).toContain(`> ${question}`);
    expect(report).toContain("## Sources");
    const output = interaction.steps?.at(-1);
    const text = output?.type === "model_output" ? output.content?.[0] : undefined;
    const annotations = text?.type === "text" ? (text.annotations ?? []) : [];
    expect(annotations.length).toBeGreaterThan(0);
    const bytes = Buffer.from(report);
    for (const annotation of annotations) {
      if (annotation.type !== "url_citation") throw new Error("expected url citations");
      expect(report).toContain(`(${annotation.url})`);
      const cited = bytes.subarray(annotation.start_index, annotation.end_index).toString();
      expect(cited.length).toBeGreaterThan(10);
      expect(report).toContain(cited);
    }
    const thought = interaction.steps?.find((step) => step.type === "thought");
    expect(thought).toMatchObject({
      summary: [{ type: "text", text: expect.stringContaining("**Planning the research**") }],
    });
    expect(interaction.usage?.total_tool_use_tokens).toBeGreaterThan(0);
    expect(interaction.usage?.total_output_tokens).toBeGreaterThan(100);
  });

  it("streams its progress in the background, and the stream can be replayed", async () => {
    const events = await collect(
      await client().interactions.create({
        agent: AGENT,
        input: "Research solar sails.\n#emulator delay=100ms",
        background: true,
        stream: true,
        agent_config: { type: "deep-research", thinking_summaries: "auto" },
      }),
    );
    const summaries = events.filter(
      (event) => event.event_type === "step.delta" && event.delta.type === "thought_summary",
    );
    expect(summaries.length).toBeGreaterThan(1);
    const searches = events.filter(
      (event) => event.event_type === "step.start" && event.step.type === "google_search_call",
    );
    expect(searches).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({
      event_type: "interaction.completed",
      interaction: { status: "completed", agent: AGENT },
    });
    const created = events[0];
    const id = created?.event_type === "interaction.created" ? created.interaction.id : "";
    const replay = await collect(await client().interactions.get(id, { stream: true }));
    expect(replay).toEqual(events);
  });

  it("answers with a plan under collaborative_planning, then researches once approved", async () => {
    const plan = await client().interactions.create({
      agent: AGENT,
      input: "Research the economics of desalination.",
      background: true,
      agent_config: { type: "deep-research", collaborative_planning: true },
    });
    const planned = (await waitUntilDone(client(), plan.id)).interaction;
    expect(planned.output_text).toMatch(/^## Research plan: /);
    expect(planned.steps?.some((step) => step.type === "google_search_call")).toBe(false);

    const report = await client().interactions.create({
      agent: AGENT,
      input: "Plan looks good!",
      previous_interaction_id: plan.id,
      background: true,
      agent_config: { type: "deep-research", collaborative_planning: false },
    });
    const done = (await waitUntilDone(client(), report.id)).interaction;
    expect(done.output_text).toContain("> Research the economics of desalination.");
    expect(done.previous_interaction_id).toBe(plan.id);
  });

  it("hands its report to a model follow-up through previous_interaction_id", async () => {
    const research = await client().interactions.create({
      agent: AGENT,
      input: "Research the tallest trees.",
      background: true,
      tools: [{ type: "google_search" }],
    });
    const done = (await waitUntilDone(client(), research.id)).interaction;
    expect(done.steps?.some((step) => step.type === "url_context_call")).toBe(false);
    const follow = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Summarise the report in one line.",
      previous_interaction_id: research.id,
    });
    expect(follow.output_text).toContain("- Turns: 3");
    expect(follow.usage?.total_input_tokens).toBeGreaterThan(done.usage?.total_output_tokens ?? 0);
  });

  it("is refused in the foreground, with a system instruction, or named as a model", async () => {
    const foreground = await failure(client().interactions.create({ agent: AGENT, input: "x" }));
    expect(foreground.status).toBe(400);
    expect(foreground.error?.error?.message).toBe("Agents are required to use background=true");

    const system = await failure(
      client().interactions.create({
        agent: AGENT,
        input: "x",
        background: true,
        system_instruction: "Be brief.",
      }),
    );
    expect(system.status).toBe(400);
    expect(system.error?.error?.message).toContain("system_instruction is not supported");

    const asModel = await failure(client().interactions.create({ model: AGENT, input: "x" }));
    expect(asModel.status).toBe(400);

    const unknown = await failure(
      client().interactions.create({ agent: "deep-thought-1", input: "x", background: true }),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.error?.error?.code).toBe("not_found");
  });

  it("can be cancelled mid-research", async () => {
    const created = await client().interactions.create({
      agent: "deep-research-preview-04-2026",
      input: "Research the history of maps.",
      background: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const cancelled = await client().interactions.cancel(created.id);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.steps?.some((step) => step.type === "model_output")).toBe(false);
  });
});
