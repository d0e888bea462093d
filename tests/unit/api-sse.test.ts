import { describe, expect, it } from "vitest";
import { SSE_PING, sseResponse } from "@/lib/api/sse";
import { type RunEvent, readEvents } from "@/lib/run/events";

const meta: RunEvent = { type: "meta", data: { requestId: "r", model: "m", simulated: true } };
const done: RunEvent = { type: "done", data: {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function* slowly(gapMs: number): AsyncGenerator<RunEvent> {
  yield meta;
  await sleep(gapMs);
  yield done;
}

describe("the SSE response of a run", () => {
  it("sends a ping comment while nothing else was written for the interval", async () => {
    const response = sseResponse(slowly(200), { onCancel: () => {}, pingIntervalMs: 50 });
    const text = await response.text();
    const pings = text.split(SSE_PING).length - 1;
    expect(text.startsWith("event: meta")).toBe(true);
    expect(pings).toBeGreaterThanOrEqual(2);
    expect(pings).toBeLessThanOrEqual(4);
    expect(text.endsWith("event: done\ndata: {}\n\n")).toBe(true);
  });

  it("sends no ping while events come faster than the interval", async () => {
    const response = sseResponse(slowly(20), { onCancel: () => {}, pingIntervalMs: 200 });
    expect(await response.text()).not.toContain(SSE_PING);
  });

  it("is read back as its events only: the reader passes over pings", async () => {
    const response = sseResponse(slowly(120), { onCancel: () => {}, pingIntervalMs: 30 });
    const events: RunEvent[] = [];
    if (!response.body) throw new Error("no body");
    for await (const event of readEvents(response.body)) events.push(event);
    expect(events).toEqual([meta, done]);
  });
});
