import { describe, expect, it } from "vitest";
import { setupEmulatorServer, waitForEnd } from "./emulator-fixture";
import { collect, type SseEvent } from "./interactions-fixture";

const { client, server } = setupEmulatorServer();

/** Reads until the stream fails (a cut connection); returns what arrived and the error. */
async function collectUntilCut(stream: AsyncIterable<SseEvent>) {
  const events: SseEvent[] = [];
  try {
    for await (const event of stream) events.push(event);
  } catch (error) {
    return { events, error };
  }
  return { events, error: undefined };
}

/** The answer text a stream carries: model_output text in step.start content and text deltas. */
function streamedText(events: SseEvent[]): string {
  let text = "";
  for (const event of events) {
    if (event.event_type === "step.start" && event.step.type === "model_output") {
      for (const content of event.step.content ?? []) {
        if (content.type === "text") text += content.text;
      }
    }
    if (event.event_type === "step.delta" && event.delta.type === "text") text += event.delta.text;
  }
  return text;
}

const ids = (events: SseEvent[]) => events.map((event) => event.event_id);

async function waitForStatus(id: string, wanted: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const interaction = await client().interactions.get(id);
    if (interaction.status === wanted) return interaction;
    if (Date.now() > deadline) throw new Error(`${id} still ${interaction.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("interactions.create with stream: true", () => {
  it("sends created, status, steps and completed, every event with its own id", async () => {
    const prompt = "Stream a short answer\n#emulator chunk=12";
    const events = await collect(
      await client().interactions.create({
        model: "gemini-3-flash-preview",
        input: prompt,
        stream: true,
      }),
    );
    const unary = await client().interactions.create({
      model: "gemini-3-flash-preview",
      input: prompt,
    });

    const [created, status] = events;
    expect(created).toMatchObject({
      event_type: "interaction.created",
      interaction: {
        status: "in_progress",
        object: "interaction",
        model: "gemini-3-flash-preview",
      },
    });
    const id = created?.event_type === "interaction.created" ? created.interaction.id : "";
    expect(id).toMatch(/^v1_/);
    expect(status).toMatchObject({
      event_type: "interaction.status_update",
      interaction_id: id,
      status: "in_progress",
    });
    const last = events.at(-1);
    expect(last).toMatchObject({
      event_type: "interaction.completed",
      interaction: { id, status: "completed", usage: expect.any(Object) },
    });
    if (last?.event_type === "interaction.completed") {
      expect(last.interaction.usage?.total_output_tokens).toBe(unary.usage?.total_output_tokens);
    }

    // Every event can be resumed from: distinct, non-empty ids.
    expect(ids(events).every((eventId) => typeof eventId === "string" && eventId !== "")).toBe(
      true,
    );
    expect(new Set(ids(events)).size).toBe(events.length);

    // Gemini 3 signs a thought step first; the answer follows in many pieces, then both stop.
    const starts = events.filter((event) => event.event_type === "step.start");
    expect(starts.map((event) => [event.index, event.step.type])).toEqual([
      [0, "thought"],
      [1, "model_output"],
    ]);
    const deltas = events.filter((event) => event.event_type === "step.delta");
    expect(deltas.length).toBeGreaterThan(10);
    expect(deltas.every((event) => event.index === 1)).toBe(true);
    expect(events.filter((event) => event.event_type === "step.stop").map((e) => e.index)).toEqual([
      0, 1,
    ]);
    expect(streamedText(events)).toBe(unary.output_text);
  });

  it("resumes a cut background stream from the last event id with exactly the missing events", async () => {
    const first = await collectUntilCut(
      await client().interactions.create({
        model: "gemini-2.5-flash",
        input: "A longer answer to cut\n#emulator tokens=240 chunk=20 disconnect=6",
        stream: true,
        background: true,
      }),
    );
    expect(first.error).toBeDefined();
    expect(first.events).toHaveLength(6);
    const created = first.events[0];
    const id = created?.event_type === "interaction.created" ? created.interaction.id : "";
    const done = await waitForStatus(id, "completed");

    const lastSeen = first.events.at(-1)?.event_id;
    const resumed = await collect(
      await client().interactions.get(id, { stream: true, last_event_id: lastSeen }),
    );
    const replay = await collect(await client().interactions.get(id, { stream: true }));
    expect(ids(first.events)).toEqual(ids(replay.slice(0, 6)));
    expect(resumed).toEqual(replay.slice(6));
    expect(resumed.at(-1)?.event_type).toBe("interaction.completed");
    expect(streamedText([...first.events, ...resumed])).toBe(done.output_text);
  });

  it("resumes a running interaction: what was missed at once, then the rest live", async () => {
    const first = await collectUntilCut(
      await client().interactions.create({
        model: "gemini-2.5-flash",
        input: "Paced answer\n#emulator tokens=160 chunk=8 rate=160/s disconnect=5",
        stream: true,
        background: true,
      }),
    );
    const created = first.events[0];
    const id = created?.event_type === "interaction.created" ? created.interaction.id : "";
    expect((await client().interactions.get(id)).status).toBe("in_progress");

    const resumed = await collect(
      await client().interactions.get(id, {
        stream: true,
        last_event_id: first.events.at(-1)?.event_id,
      }),
    );
    expect(resumed.at(-1)).toMatchObject({
      event_type: "interaction.completed",
      interaction: { id, status: "completed" },
    });
    const replay = await collect(await client().interactions.get(id, { stream: true }));
    expect([...ids(first.events), ...ids(resumed)]).toEqual(ids(replay));
    const final = await client().interactions.get(id);
    expect(streamedText([...first.events, ...resumed])).toBe(final.output_text);
  });

  it("ends a foreground run when its client leaves: logged client_closed, nothing stored", async () => {
    const stream = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Leave early\n#emulator tokens=400 chunk=8 rate=80/s",
      stream: true,
    });
    const seen: SseEvent[] = [];
    for await (const event of stream) {
      seen.push(event);
      if (seen.length === 4) break;
    }
    const entry = server()
      .log.list()
      .findLast((request) => request.method === "POST");
    expect(entry).toBeDefined();
    const ended = await waitForEnd(server(), entry?.id ?? "");
    expect(ended.outcome).toBe("client_closed");
    expect(ended.chunksSent).toBeLessThan(20);
    const created = seen[0];
    const id = created?.event_type === "interaction.created" ? created.interaction.id : "";
    await expect(client().interactions.get(id)).rejects.toMatchObject({ status: 404 });
  });

  it("fails mid-stream with an error event after N chunks (#emulator error= after=)", async () => {
    const events = await collect(
      await client().interactions.create({
        model: "gemini-2.5-flash",
        input: "Fail later\n#emulator error=500 after=2 chunk=10",
        stream: true,
      }),
    );
    const last = events.at(-1);
    expect(last).toMatchObject({
      event_type: "error",
      error: { code: "internal", message: expect.stringContaining("internal error") },
      event_id: expect.any(String),
    });
    expect(events.filter((event) => event.event_type === "step.delta").length).toBeGreaterThan(0);
  });
});
