import "server-only";

/** What waiting on Gemini came to; a rejection is a value too, so it is told apart from ours. */
export type Waited<T> =
  | { kind: "value"; value: T }
  | { kind: "error"; error: unknown }
  | { kind: "timeout" }
  | { kind: "aborted" };

type Interrupted = Extract<Waited<never>, { kind: "timeout" | "aborted" }>;

export interface UpstreamWaits {
  /**
   * Wait for `promise` at most `ms`, or until the signal aborts. The loser is not cancelled here:
   * the caller ends the upstream request, and a rejection that comes after nobody waits is
   * swallowed. One wait at a time.
   */
  wait<T>(promise: Promise<T>, ms: number): Promise<Waited<T>>;
  /** Done waiting: the timer and the abort listener go. */
  close(): void;
}

/**
 * The waits of one run on Gemini, one step after another (the stream opening, then each chunk).
 * A run reads hundreds of chunks, and a timer plus an abort listener set and cleared for each cost
 * more than the chunk's own handling; so one listener serves the whole run, and one timer that is
 * re-armed only when it fires before the current wait's deadline (the waits moved on meanwhile) or
 * when a wait begins with a deadline earlier than the timer's.
 */
export function upstreamWaits(signal: AbortSignal): UpstreamWaits {
  let interrupt: ((outcome: Interrupted) => void) | undefined;
  let deadline = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  const arm = (ms: number) => {
    clearTimeout(timer);
    timerAt = performance.now() + ms;
    timer = setTimeout(onTimer, ms);
  };
  function onTimer() {
    timer = undefined;
    timerAt = Number.POSITIVE_INFINITY;
    if (!interrupt) return;
    const left = deadline - performance.now();
    if (left > 0) arm(left);
    else interrupt({ kind: "timeout" });
  }
  // Read once, then kept by the listener: the signal's getter on every chunk showed in a profile
  // of 20 streams at several times the rest of a wait's own time.
  let aborted = signal.aborted;
  const onAbort = () => {
    aborted = true;
    interrupt?.({ kind: "aborted" });
  };
  signal.addEventListener("abort", onAbort, { once: true });

  return {
    wait<T>(promise: Promise<T>, ms: number): Promise<Waited<T>> {
      if (aborted) {
        promise.catch(() => undefined);
        return Promise.resolve({ kind: "aborted" });
      }
      return new Promise<Waited<T>>((resolve) => {
        const settle = (outcome: Waited<T>) => {
          if (interrupt !== settle) return;
          interrupt = undefined;
          resolve(outcome);
        };
        interrupt = settle;
        deadline = performance.now() + Math.max(0, ms);
        if (deadline < timerAt) arm(Math.max(0, ms));
        promise.then(
          (value) => settle({ kind: "value", value }),
          (error: unknown) => settle({ kind: "error", error }),
        );
      });
    },
    close() {
      clearTimeout(timer);
      timer = undefined;
      interrupt = undefined;
      signal.removeEventListener("abort", onAbort);
    },
  };
}
