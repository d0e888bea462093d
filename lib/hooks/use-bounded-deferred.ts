"use client";

import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from "react";

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
 * of half a second. The run's updates wait while a background render is under way
 * (`renderBacklog`), so it mostly finishes; and once a value has waited longer than `maxLagMs`
 * to be shown, the newest value renders at once, as it would without deferring. A value once
 * shown never gives way to an older one.
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
  // When the oldest value not yet shown arrived (about: a value newer than the one shown, and
  // older than the newest, is not stamped by itself); null while the newest is shown.
  const waitingSince = useRef<number | null>(null);
  const previous = shown.current;
  const next = toShow(
    latest,
    deferred,
    previous,
    waitingSince.current ?? latest.at,
    maxLagMs,
    claimCatchUp,
  );
  shown.current = next;
  if (next === latest) waitingSince.current = null;
  else if (next !== previous || waitingSince.current === null) waitingSince.current = latest.at;
  useBacklog(next !== latest);
  return next.value;
}

/** How many values on the page wait for a background render: see `renderBacklog`. */
let behind = 0;

/**
 * Whether some value on screen is behind its newest one, its background render not yet
 * committed. Every store update starts a render that interrupts the background one, and React
 * starts it over afterwards: updated every frame (six compare columns, each with its next
 * words), the background render of all six never finished, every answer caught up in a
 * blocking render instead, and React finally rendered the starved rest in one task of half a
 * second. Whoever feeds the store can hold the next update until the page has caught up.
 */
export const renderBacklog = (): boolean => behind > 0;

/** Counts this caller in `renderBacklog` while `isBehind` holds, as of its last commit. */
function useBacklog(isBehind: boolean): void {
  const counted = useRef(false);
  // A layout effect: set in the commit itself, before the frame's next store update looks.
  useLayoutEffect(() => {
    if (isBehind === counted.current) return;
    counted.current = isBehind;
    behind += isBehind ? 1 : -1;
  });
  useLayoutEffect(
    () => () => {
      if (counted.current) behind--;
      counted.current = false;
    },
    [],
  );
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
 * Of the newest value, the deferred one and the one shown last: the one to show now. Once a
 * value has waited to be shown since `waitingSince` for longer than `maxLagMs` (by the newest
 * one's clock), the newest is shown if `mayCatchUp` allows it now. Waiting is counted from the
 * first value not shown, not from the one shown: when the run's updates wait for the page
 * (`renderBacklog`), the next one arrives well after the last was drawn without having waited.
 */
export function toShow<T>(
  latest: Stamped<T>,
  deferred: Stamped<T>,
  shown: Stamped<T>,
  waitingSince: number,
  maxLagMs: number,
  mayCatchUp: () => boolean = () => true,
): Stamped<T> {
  const newer = deferred.at >= shown.at ? deferred : shown;
  if (newer === latest) return latest;
  return latest.at - waitingSince > maxLagMs && mayCatchUp() ? latest : newer;
}
