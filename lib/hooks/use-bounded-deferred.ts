"use client";

import { useDeferredValue, useMemo, useRef } from "react";

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
 */
export function useBoundedDeferred<T>(value: T, maxLagMs: number): T {
  const latest = useMemo(() => ({ value, at: performance.now() }), [value]);
  const deferred = useDeferredValue(latest);
  const shown = useRef(latest);
  shown.current = toShow(latest, deferred, shown.current, maxLagMs);
  return shown.current.value;
}

/** Of the newest value, the deferred one and the one shown last: the one to show now. */
export function toShow<T>(
  latest: Stamped<T>,
  deferred: Stamped<T>,
  shown: Stamped<T>,
  maxLagMs: number,
): Stamped<T> {
  const newer = deferred.at >= shown.at ? deferred : shown;
  return latest.at - newer.at > maxLagMs ? latest : newer;
}
