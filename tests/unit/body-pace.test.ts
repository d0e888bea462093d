import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import { paceBody } from "@/lib/http/body-pace";

const WINDOW_MS = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A body that sends `chunks`, waiting `gapMs` before each, then (unless `hang`) ends. */
function sender(chunks: Uint8Array[], gapMs: number, hang = false): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    async pull(controller) {
      await sleep(gapMs);
      if (i < chunks.length) controller.enqueue(chunks[i++] as Uint8Array);
      else if (hang) await new Promise(() => {});
      else controller.close();
    },
  });
}

async function readAll(body: ReadableStream<Uint8Array>, perChunkMs = 0): Promise<number> {
  let bytes = 0;
  const reader = body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
    if (perChunkMs) await sleep(perChunkMs);
  }
}

const refusal = async (body: ReadableStream<Uint8Array>) => {
  const started = Date.now();
  try {
    await readAll(body);
  } catch (error) {
    return { body: (error as AppError).body, afterMs: Date.now() - started };
  }
  throw new Error("the body was read to its end");
};

describe("a request body that must keep arriving", () => {
  it("passes a body that arrives at a steady pace, whole", async () => {
    const chunks = Array.from({ length: 6 }, () => new Uint8Array(2048));
    const bytes = await readAll(paceBody(sender(chunks, 60), WINDOW_MS, "The upload"));
    expect(bytes).toBe(6 * 2048);
  });

  it("cuts off a sender that stops, with a 408 that says what happened", async () => {
    const { body, afterMs } = await refusal(
      paceBody(sender([new Uint8Array(10)], 0, true), WINDOW_MS, "The upload of a.png"),
    );
    expect(body).toMatchObject({ status: 408, code: "timeout:upload", retryable: true });
    expect(body.message).toMatch(
      /^The upload of a\.png stopped arriving: .*less than 1 KB in 0\.2 s/,
    );
    // Never before a whole window has passed without the sender delivering.
    expect(afterMs).toBeGreaterThanOrEqual(WINDOW_MS);
  });

  it("cuts off a sender that trickles a byte at a time, though it never goes silent", async () => {
    const bytes = Array.from({ length: 100 }, () => new Uint8Array(1));
    const { body } = await refusal(paceBody(sender(bytes, 20), WINDOW_MS, "The request"));
    expect(body.code).toBe("timeout:upload");
  });

  it("does not hold a slow reader against the sender", async () => {
    // The disk takes longer than a window per chunk: the sender waits on us, not we on it.
    const chunks = Array.from({ length: 3 }, () => new Uint8Array(2048));
    const bytes = await readAll(
      paceBody(sender(chunks, 5), WINDOW_MS, "The upload"),
      WINDOW_MS * 1.5,
    );
    expect(bytes).toBe(3 * 2048);
  });

  it("stops reading its source once it gave up", async () => {
    let cancelled: unknown;
    const source = new ReadableStream<Uint8Array>({
      pull: () => new Promise(() => {}),
      cancel: (reason) => {
        cancelled = reason;
      },
    });
    await refusal(paceBody(source, WINDOW_MS, "The upload"));
    expect(cancelled).toMatchObject({ body: { code: "timeout:upload" } });
  });
});
