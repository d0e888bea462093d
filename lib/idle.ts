/**
 * Runs `work` in an idle moment of the page; where there is no idle callback (Safari, Node),
 * on the timer's next turn. `timeout` bounds the wait when the page is never idle.
 */
export function whenIdle(work: (deadline?: IdleDeadline) => void, timeout?: number): void {
  if (typeof requestIdleCallback === "function") {
    requestIdleCallback(work, timeout === undefined ? undefined : { timeout });
  } else {
    setTimeout(() => work(undefined), 0);
  }
}
