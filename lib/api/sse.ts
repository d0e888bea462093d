import "server-only";
import { serverEnv } from "@/lib/env";
import { encodeEvent, type RunEvent, SSE_HEADERS } from "@/lib/run/events";

/** An SSE comment: browsers' and our own readers skip it; proxies see a live connection. */
export const SSE_PING = ": ping\n\n";

/**
 * Run events as a Server-Sent Events response. The headers leave as soon as this returns, and
 * whenever nothing was written for `pingIntervalMs` (waiting for Gemini's first chunk, or a slow
 * stretch between chunks) a comment goes out, so a proxy or load balancer with an idle timeout
 * does not cut a run that is only thinking. `onCancel` runs when the browser goes away
 * mid-stream (the body is cancelled), so the caller can end the upstream request at once
 * rather than when the next chunk arrives.
 */
export function sseResponse(
  events: AsyncIterable<RunEvent>,
  options: { onCancel: () => void; headers?: Record<string, string>; pingIntervalMs?: number },
): Response {
  const encoder = new TextEncoder();
  const flush = flushPacer();
  const pingIntervalMs = options.pingIntervalMs ?? serverEnv().pingIntervalMs;
  let cancelled = false;
  let pingTimer: ReturnType<typeof setTimeout> | undefined;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        if (cancelled) return;
        controller.enqueue(encoder.encode(text));
        clearTimeout(pingTimer);
        pingTimer = setTimeout(() => write(SSE_PING), pingIntervalMs);
      };
      try {
        pingTimer = setTimeout(() => write(SSE_PING), pingIntervalMs);
        for await (const event of events) {
          if (cancelled) break;
          write(encodeEvent(event));
          // Paced by chunks only: a turn spent on the opening meta would make the pacer hold
          // back the first chunk, the one whose latency matters most.
          if (event.type === "chunk") await flush.afterWrite();
        }
      } finally {
        clearTimeout(pingTimer);
      }
      if (!cancelled) controller.close();
    },
    cancel() {
      cancelled = true;
      clearTimeout(pingTimer);
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
