"use client";

import { useDeferredValue, useMemo, useRef, useState } from "react";

/** A value and when it arrived. */
export interface Stamped<T> {
  value: T;
  at: number;
}

/**
 * `useDeferredValue` that never trails by more than `maxLagMs`. A deferred render is dropped
 * and started again whenever anything else on the page updates first, and a streaming answer
 * updates the page with every chunk: a render that needs longer than the gap between chunks
 * never finishes, until React stops waiting (after 5 s) and renders everything then, in one task
 * of half a second. Here, once the value on screen is older than `maxLagMs`, the newest value
 * renders at once, as it would without deferring; a value once shown never gives way to an
 * older one.
 *
 * Only one value on the page catches up so in each task: with six compare columns streaming,
 * all six fell behind together and caught up in the same frame, six answers drawn in one task.
 * One at a time, each frame draws one, and the next overdue one follows in the next frame.
 *
 * With `initial`, the first render shows it and the value itself comes in a background render,
 * like any later one: four columns whose first words arrive in the same frame don't all mount
 * their answers in that frame's task.
 */
export function useBoundedDeferred<T>(value: T, maxLagMs: number, initial?: T): T {
  const latest = useMemo(() => ({ value, at: performance.now() }), [value]);
  const [first] = useState(() =>
    initial === undefined ? latest : { value: initial, at: latest.at },
  );
  const deferred = useDeferredValue(latest, first);
  const shown = useRef(first);
  shown.current = toShow(latest, deferred, shown.current, maxLagMs, claimCatchUp);
  return shown.current.value;
}

let caughtUpThisTask = false;

/**
 * True for the first caller in a task; false for the others until the task is over. Per task,
 * not per render: a render's commit can start another render in the same task (a store read
 * again after an effect), and two catch-ups in one task are one long task.
 */
export function claimCatchUp(): boolean {
  if (caughtUpThisTask) return false;
  caughtUpThisTask = true;
  setTimeout(() => {
    caughtUpThisTask = false;
  }, 0);
  return true;
}

/**
 * Of the newest value, the deferred one and the one shown last: the one to show now. Once the
 * shown one is too old, the newest is shown if `mayCatchUp` allows it now.
 */
export function toShow<T>(
  latest: Stamped<T>,
  deferred: Stamped<T>,
  shown: Stamped<T>,
  maxLagMs: number,
  mayCatchUp: () => boolean = () => true,
): Stamped<T> {
  const newer = deferred.at >= shown.at ? deferred : shown;
  return latest.at - newer.at > maxLagMs && mayCatchUp() ? latest : newer;
}
