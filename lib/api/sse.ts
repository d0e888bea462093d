import "server-only";
import { encodeEvent, type RunEvent, SSE_HEADERS } from "@/lib/run/events";

/**
 * Run events as a Server-Sent Events response. `onCancel` runs when the browser goes away
 * mid-stream (the body is cancelled), so the caller can end the upstream request at once
 * rather than when the next chunk arrives.
 */
export function sseResponse(
  events: AsyncIterable<RunEvent>,
  options: { onCancel: () => void; headers?: Record<string, string> },
): Response {
  const encoder = new TextEncoder();
  const flush = flushPacer();
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for await (const event of events) {
        if (cancelled) break;
        controller.enqueue(encoder.encode(encodeEvent(event)));
        // Paced by chunks only: a turn spent on the opening meta would make the pacer hold
        // back the first chunk, the one whose latency matters most.
        if (event.type === "chunk") await flush.afterWrite();
      }
      if (!cancelled) controller.close();
    },
    cancel() {
      cancelled = true;
      options.onCancel();
    },
  });
  return new Response(body, { headers: { ...SSE_HEADERS, ...options.headers } });
}

/**
 * Node corks a socket on write and uncorks it on nextTick. Chunks that arrive in one burst are
 * parsed in a single run of microtasks, so without a macrotask turn the first chunk would leave
 * together with the last. A turn after every chunk costs throughput under load, so the pacer
 * yields after the first chunk and then at most every few milliseconds: bounded latency, and
 * bursts still leave as a few large writes.
 */
function flushPacer(maxHoldMs = 4) {
  let lastYield = -1;
  return {
    async afterWrite(): Promise<void> {
      const now = performance.now();
      if (lastYield >= 0 && now - lastYield < maxHoldMs) return;
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    },
  };
}
