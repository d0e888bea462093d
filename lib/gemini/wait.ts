import "server-only";

/** What waiting on Gemini came to; a rejection is a value too, so it is told apart from ours. */
export type Waited<T> =
  | { kind: "value"; value: T }
  | { kind: "error"; error: unknown }
  | { kind: "timeout" }
  | { kind: "aborted" };

/**
 * Wait for `promise` at most `ms`, or until `signal` aborts. The loser is not cancelled here: the
 * caller ends the upstream request, and a rejection that comes after nobody waits is swallowed.
 */
export function waitFor<T>(
  promise: Promise<T>,
  ms: number,
  signal: AbortSignal,
): Promise<Waited<T>> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.resolve({ kind: "aborted" });
  }
  return new Promise((resolve) => {
    const settle = (outcome: Waited<T>) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      resolve(outcome);
    };
    const onAbort = () => settle({ kind: "aborted" });
    const timer = setTimeout(() => settle({ kind: "timeout" }), Math.max(0, ms));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => settle({ kind: "value", value }),
      (error: unknown) => settle({ kind: "error", error }),
    );
  });
}
