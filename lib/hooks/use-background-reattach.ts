"use client";

import { useEffect } from "react";
import { usePlaygroundApi } from "@/lib/store/provider";
import { backgroundRunToReattach } from "@/lib/store/runs-slice";

/**
 * Once the saved draft is read, the chat's background run that the page left (a reload, a closed
 * tab) is read again from the server, where it went on: finished, or still running.
 */
export function useBackgroundReattach(): void {
  const store = usePlaygroundApi();
  useEffect(() => {
    const check = () => {
      const s = store.getState();
      if (!s.hydrated) return false;
      const run = backgroundRunToReattach(s);
      if (run) s.reattach(run.id);
      return true;
    };
    if (check()) return;
    const unsubscribe = store.subscribe(() => {
      if (check()) unsubscribe();
    });
    return unsubscribe;
  }, [store]);
}
