import "server-only";

/**
 * Wakes the pages watching a background run when this server writes its progress. A page served
 * by another server than the follower's finds it by polling (`watch.ts`); one served here is told
 * at once.
 */
const waiting = new Map<string, Set<() => void>>();

export function notifyProgress(runId: string): void {
  const wakers = waiting.get(runId);
  if (!wakers) return;
  waiting.delete(runId);
  for (const wake of wakers) wake();
}

/** Resolves when progress is written, after `ms`, or when `signal` aborts, whichever is first. */
export function progressOrTimeout(runId: string, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const wakers = waiting.get(runId) ?? new Set();
    waiting.set(runId, wakers);
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      wakers.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    wakers.add(done);
  });
}
