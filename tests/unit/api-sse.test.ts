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

const chunk = (n: number): RunEvent => ({
  type: "chunk",
  data: { candidates: [{ content: { role: "model", parts: [{ text: `part ${n}` }] } }] },
});

/** The body's reads, as the socket would get them: one enqueued piece each, with its time. */
async function reads(response: Response): Promise<{ text: string; at: number }[]> {
  if (!response.body) throw new Error("no body");
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const started = performance.now();
  const out: { text: string; at: number }[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push({ text: decoder.decode(value), at: performance.now() - started });
  }
}
const chunksIn = (text: string) => text.split("event: chunk").length - 1;

describe("the SSE response's pacing of chunks", () => {
  it("sends the first chunk of a burst on its own, and the rest of the burst together", async () => {
    async function* burst(): AsyncGenerator<RunEvent> {
      yield meta;
      for (let n = 1; n <= 10; n++) yield chunk(n);
      yield done;
    }
    const got = await reads(sseResponse(burst(), { onCancel: () => {} }));
    expect(got.map((r) => chunksIn(r.text))).toEqual([0, 1, 9]);
    expect(got[0]?.text.startsWith("event: meta")).toBe(true);
    expect(got[2]?.text.endsWith("event: done\ndata: {}\n\n")).toBe(true);
  });

  it("sends every chunk at once when they come slower than the hold", async () => {
    async function* slow(): AsyncGenerator<RunEvent> {
      yield meta;
      for (let n = 1; n <= 3; n++) {
        yield chunk(n);
        await sleep(25);
      }
      yield done;
    }
    const got = await reads(sseResponse(slow(), { onCancel: () => {} }));
    expect(got.map((r) => chunksIn(r.text))).toEqual([0, 1, 1, 1, 0]);
  });

  it("holds a chunk that follows too soon for a few milliseconds, not until the next event", async () => {
    async function* pause(): AsyncGenerator<RunEvent> {
      yield meta;
      yield chunk(1);
      yield chunk(2);
      await sleep(200);
      yield done;
    }
    const got = await reads(sseResponse(pause(), { onCancel: () => {} }));
    expect(got.map((r) => chunksIn(r.text))).toEqual([0, 1, 1, 0]);
    const [, first, second] = got;
    expect((second?.at ?? Number.POSITIVE_INFINITY) - (first?.at ?? 0)).toBeLessThan(100);
  });
});
