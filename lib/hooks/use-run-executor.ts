"use client";

import { useEffect } from "react";
import { streamRun } from "@/lib/client/run";
import { createFrameBatcher } from "@/lib/run/batch";
import type { RunEvent } from "@/lib/run/events";
import { usePlaygroundApi } from "@/lib/store/provider";
import { type RunRecord, runById } from "@/lib/store/runs-slice";
import type { PlaygroundState } from "@/lib/store/types";

/**
 * The effect behind `run()` and `stop()`: the store only records intent (a run in "streaming"
 * state, or one marked "stopped"); this hook, mounted once per page, turns that into a fetch of
 * /api/run and aborts it on Stop. Aborting the fetch is what ends the upstream Gemini call.
 */
export function useRunExecutor(): void {
  const store = usePlaygroundApi();

  useEffect(() => {
    const controllers = new Map<string, AbortController>();
    const started = new Set<string>();

    const start = (record: RunRecord) => {
      started.add(record.id);
      const controller = new AbortController();
      controllers.set(record.id, controller);
      // Timed as it is read, not when its frame's batch is applied: that is the real TTFT.
      let firstChunkAt: number | undefined;
      const batcher = createFrameBatcher<RunEvent>((events) =>
        store.getState().applyRunEvents(record.id, events, { firstChunkAt }),
      );
      const emit = (event: RunEvent) => {
        if (event.type === "chunk" && firstChunkAt === undefined) firstChunkAt = Date.now();
        batcher.push(event);
      };
      void streamRun(record.request, { signal: controller.signal, emit }).finally(() => {
        // Events still queued after an abort arrived after Stop; the reducer would ignore them.
        if (controller.signal.aborted) batcher.cancel();
        else batcher.flush();
        controllers.delete(record.id);
      });
    };

    const sync = (state: PlaygroundState, previous?: PlaygroundState) => {
      if (previous && state.runs === previous.runs) return;
      for (const record of Object.values(state.runs)) {
        if (record.state.status === "streaming" && !started.has(record.id)) start(record);
      }
      for (const [id, controller] of controllers) {
        const status = runById(state, id)?.state.status;
        if (status === undefined || status === "stopped") controller.abort();
      }
    };

    sync(store.getState());
    const unsubscribe = store.subscribe(sync);
    return () => {
      unsubscribe();
      for (const controller of controllers.values()) controller.abort();
    };
  }, [store]);
}
