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
  let cancelled = false;
  let controller: ReadableStreamDefaultController<Uint8Array>;
  const out = burstWriter((text) => {
    if (!cancelled) controller.enqueue(encoder.encode(text));
  });
  const ping = whenQuiet(
    () => out.now(SSE_PING),
    options.pingIntervalMs ?? serverEnv().pingIntervalMs,
  );
  const body = new ReadableStream<Uint8Array>({
    async start(streamController) {
      controller = streamController;
      try {
        for await (const event of events) {
          if (cancelled) break;
          ping.wrote();
          // Only chunks are paced: a turn spent on the opening meta would hold back the first
          // chunk, the one whose latency matters most; errors and the ending leave at once.
          if (event.type !== "chunk") out.now(encodeEvent(event));
          else if (out.chunk(encodeEvent(event))) {
            // Sent at once: a turn lets it reach the socket before the burst it came in goes on.
            await new Promise((resolve) => setImmediate(resolve));
            out.resumed();
          }
        }
      } finally {
        ping.stop();
        out.flush();
      }
      if (!cancelled) controller.close();
    },
    cancel() {
      cancelled = true;
      ping.stop();
      out.drop();
      options.onCancel();
    },
  });
  return new Response(body, { headers: { ...SSE_HEADERS, ...options.headers } });
}

/**
 * Node corks a socket on write and uncorks it on nextTick, so what is written in one run of
 * microtasks leaves in one write when the run ends. Chunks that come in a burst are parsed in
 * such a run, so the first of them would leave together with the last: a chunk that opens a burst
 * (the first chunk, or one after a quiet `holdMs`) is sent at once and the caller yields a turn.
 * The chunks after it are held until `holdMs` after the burst resumed and leave together: one
 * socket write, one chunked-body frame and one read at the other end for many chunks. Gemini's
 * chunks come one socket read at a time when the server keeps up, so without holding, a single
 * stream costs a write (and a wakeup and read for the browser) per chunk. The window starts when
 * the caller resumes, not when it sent: time the event loop spent on other streams is not this
 * burst's. Latency stays bounded by `holdMs`; one timer per held batch, none per chunk.
 */
function burstWriter(send: (text: string) => void, holdMs = 4) {
  let held = "";
  let burstStart = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (held) send(held);
    held = "";
  };
  const flushHeld = () => {
    burstStart = performance.now();
    flush();
  };
  return {
    /** Sends `text` at once, after whatever was held: order is kept. */
    now(text: string): void {
      held += text;
      flush();
    },
    /** True when the chunk was sent at once; otherwise it leaves within `holdMs`. */
    chunk(text: string): boolean {
      held += text;
      const wait = burstStart + holdMs - performance.now();
      if (wait <= 0) {
        flush();
        return true;
      }
      timer ??= setTimeout(flushHeld, wait);
      return false;
    },
    /** The caller runs again after the turn it yielded: its burst's window starts now. */
    resumed(): void {
      burstStart = performance.now();
    },
    flush,
    drop(): void {
      clearTimeout(timer);
      timer = undefined;
      held = "";
    },
  };
}

/**
 * Calls `fire` whenever `wrote` was not called for `intervalMs`. One timer that re-arms itself for
 * what is left of the interval when it finds a write since: a clear and a new timer on every
 * write would cost each chunk two timer-list operations for a ping that, mid-stream, never comes.
 */
function whenQuiet(fire: () => void, intervalMs: number) {
  let last = performance.now();
  let stopped = false;
  const check = () => {
    if (stopped) return;
    if (performance.now() - last >= intervalMs) {
      fire();
      last = performance.now();
    }
    timer = setTimeout(check, Math.max(1, last + intervalMs - performance.now()));
  };
  let timer = setTimeout(check, intervalMs);
  return {
    wrote(): void {
      last = performance.now();
    },
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
