"use client";

import { useEffect } from "react";
import { usePlaygroundApi } from "@/lib/store/provider";
import { backgroundRunsToReattach } from "@/lib/store/runs-slice";

/**
 * Once the saved draft is read, the background runs the page left (a reload, a closed tab), the
 * chat's and the compare columns', are read again from the server, where they went on: finished,
 * or still running.
 */
export function useBackgroundReattach(): void {
  const store = usePlaygroundApi();
  useEffect(() => {
    const check = () => {
      const s = store.getState();
      if (!s.hydrated) return false;
      for (const run of backgroundRunsToReattach(s)) s.reattach(run.id);
      return true;
    };
    if (check()) return;
    const unsubscribe = store.subscribe(() => {
      if (check()) unsubscribe();
    });
    return unsubscribe;
  }, [store]);
}
