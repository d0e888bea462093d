import { describe, expect, it } from "vitest";
import { setupEmulatorServer, waitForEnd } from "./emulator-fixture";
import { collect, failure, type SseEvent, waitUntilDone } from "./interactions-fixture";

const { client, server } = setupEmulatorServer();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("background: true", () => {
  it("answers in_progress at once; the run completes later with the full answer", async () => {
    const prompt = "Take your time\n#emulator delay=600ms";
    const startedAt = Date.now();
    const created = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: prompt,
      background: true,
    });
    expect(Date.now() - startedAt).toBeLessThan(400);
    expect(created.status).toBe("in_progress");
    expect(created.output_text).toBeUndefined();
    expect((await client().interactions.get(created.id)).status).toBe("in_progress");

    const done = (await waitUntilDone(client(), created.id)).interaction;
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(600);
    expect(done.status).toBe("completed");
    const foreground = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: prompt,
    });
    expect(done.output_text).toBe(foreground.output_text);
    expect(done.usage?.total_output_tokens).toBe(foreground.usage?.total_output_tokens);
  });

  it("shows the answer growing while it runs", async () => {
    const created = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Grow slowly\n#emulator tokens=120 chunk=10 rate=150/s",
      background: true,
    });
    await sleep(350);
    const partial = await client().interactions.get(created.id);
    expect(partial.status).toBe("in_progress");
    const partialLength = partial.output_text?.length ?? 0;
    expect(partialLength).toBeGreaterThan(0);
    const done = (await waitUntilDone(client(), created.id)).interaction;
    expect(done.output_text?.length).toBeGreaterThan(partialLength);
    expect(done.output_text?.startsWith(partial.output_text ?? "")).toBe(true);
  });

  it("stops as cancelled where it was, and stays stopped", async () => {
    const created = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "A slow answer to stop\n#emulator tokens=400 chunk=10 rate=100/s",
      background: true,
    });
    await sleep(500);
    const cancelled = await client().interactions.cancel(created.id);
    expect(cancelled.status).toBe("cancelled");
    const length = cancelled.output_text?.length ?? 0;
    expect(length).toBeGreaterThan(0);
    expect(length).toBeLessThan(1600);
    expect(cancelled.usage?.total_output_tokens).toBeLessThan(400);

    await sleep(400);
    const later = await client().interactions.get(created.id);
    expect(later.status).toBe("cancelled");
    expect(later.output_text).toBe(cancelled.output_text);
    const events = await collect(await client().interactions.get(created.id, { stream: true }));
    expect(events.at(-1)).toMatchObject({
      event_type: "interaction.completed",
      interaction: { status: "cancelled" },
    });
    // Every step the run started was stopped.
    const started = events.filter((event) => event.event_type === "step.start").length;
    expect(events.filter((event) => event.event_type === "step.stop")).toHaveLength(started);

    const again = await failure(client().interactions.cancel(created.id));
    expect(again.status).toBe(400);
  });

  it("cannot cancel an interaction that did not run in the background", async () => {
    const done = await client().interactions.create({ model: "gemini-2.5-flash", input: "Quick" });
    const error = await failure(client().interactions.cancel(done.id));
    expect(error.status).toBe(400);
    expect(error.error?.error?.message).toBe("Only background interactions can be cancelled.");
  });

  it("keeps running when the client leaves its stream", async () => {
    const stream = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Keep going without me\n#emulator tokens=100 chunk=10 rate=200/s",
      background: true,
      stream: true,
    });
    const seen: SseEvent[] = [];
    for await (const event of stream) {
      seen.push(event);
      if (seen.length === 3) break;
    }
    const entry = server()
      .log.list()
      .findLast((request) => request.method === "POST");
    expect((await waitForEnd(server(), entry?.id ?? "")).outcome).toBe("client_closed");
    const created = seen[0];
    const id = created?.event_type === "interaction.created" ? created.interaction.id : "";
    const done = (await waitUntilDone(client(), id)).interaction;
    expect(done.status).toBe("completed");
    expect(done.usage?.total_output_tokens).toBe(100);
  });

  it("fails later as failed with the error when the prompt injects one", async () => {
    const created = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "This will break\n#emulator error=503 delay=100ms",
      background: true,
    });
    expect(created.status).toBe("in_progress");
    const done = (await waitUntilDone(client(), created.id)).interaction;
    expect(done.status).toBe("failed");
    expect(done.errors).toEqual([
      { code: "unavailable", message: expect.stringContaining("high demand") },
    ]);
    const events = await collect(await client().interactions.get(created.id, { stream: true }));
    expect(events.at(-1)).toMatchObject({ event_type: "error", error: { code: "unavailable" } });
  });

  it("is gone after delete, even while running", async () => {
    const created = await client().interactions.create({
      model: "gemini-2.5-flash",
      input: "Delete me mid-run\n#emulator tokens=200 rate=100/s",
      background: true,
    });
    await client().interactions.delete(created.id);
    expect((await failure(client().interactions.get(created.id))).status).toBe(404);
  });
});
