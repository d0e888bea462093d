"use client";

import { useSyncExternalStore } from "react";

/** Below this width the run settings are a drawer over the conversation, not a column beside it. */
export const NARROW_QUERY = "(max-width: 899.98px)";

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/**
 * Whether the window is narrow. The server renders the wide layout's state; CSS alone decides
 * what is shown at first paint, so only behaviour (what a button toggles) waits for this.
 */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW_QUERY).matches,
    () => false,
  );
}
