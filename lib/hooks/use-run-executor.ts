"use client";

import { useEffect } from "react";
import { cancelBackgroundRun, streamRun, watchBackgroundRun } from "@/lib/client/run";
import { renderBacklog } from "@/lib/hooks/use-bounded-deferred";
import { createFrameBatcher } from "@/lib/run/batch";
import type { RunEvent } from "@/lib/run/events";
import { usePlaygroundApi } from "@/lib/store/provider";
import { type RunRecord, runById } from "@/lib/store/runs-slice";
import type { PlaygroundState } from "@/lib/store/types";

/**
 * The effect behind `run()` and `stop()`: the store only records intent (a run in "streaming"
 * state, or one marked "stopped"); this hook, mounted once per page, turns that into a fetch of
 * /api/run and aborts it on Stop. Aborting the fetch is what ends the upstream Gemini call. A
 * background run is read from /api/background/{id} instead (a run the page reattached to), and
 * Stop cancels it at Google, since closing its stream would not.
 */
export function useRunExecutor(): void {
  const store = usePlaygroundApi();

  useEffect(() => {
    const controllers = new Map<string, AbortController>();
    const started = new Set<string>();

    // One batcher for every run: the events of all the runs streaming at once (compare's
    // columns) reach the store in one update per frame, so the page renders once per frame,
    // and not while the answers' background render of the last update is still going on.
    const firstChunks = new Map<string, number>();
    const deliver = (items: { runId: string; event: RunEvent }[]) => {
      const byRun = new Map<string, RunEvent[]>();
      for (const { runId, event } of items) {
        const events = byRun.get(runId) ?? [];
        events.push(event);
        byRun.set(runId, events);
      }
      store.getState().applyRunBatches(
        [...byRun].map(([runId, actions]) => ({
          runId,
          actions,
          timing: { firstChunkAt: firstChunks.get(runId) },
        })),
      );
    };
    const batcher = createFrameBatcher(deliver, { hold: renderBacklog });

    const start = (record: RunRecord) => {
      started.add(record.id);
      const controller = new AbortController();
      controllers.set(record.id, controller);
      const emit = (event: RunEvent) => {
        // Timed as it is read, not when its frame's batch is applied: that is the real TTFT.
        if (event.type === "chunk" && !firstChunks.has(record.id)) {
          firstChunks.set(record.id, Date.now());
        }
        batcher.push({ runId: record.id, event });
      };
      const options = { signal: controller.signal, emit };
      const { background } = record;
      const streamed =
        background && record.reattached
          ? watchBackgroundRun(background, options)
          : streamRun(record.request, {
              ...options,
              ...(background && { endpoint: `/api/run?background=${background}` }),
            });
      void streamed.finally(() => {
        // Events still queued after an abort arrived after Stop; the reducer ignores them.
        if (!controller.signal.aborted) batcher.flush();
        controllers.delete(record.id);
        firstChunks.delete(record.id);
      });
    };

    const sync = (state: PlaygroundState, previous?: PlaygroundState) => {
      if (previous && state.runs === previous.runs) return;
      for (const record of Object.values(state.runs)) {
        if (record.state.status === "streaming" && !started.has(record.id)) start(record);
      }
      for (const [id, controller] of controllers) {
        const run = runById(state, id)?.state;
        if (controller.signal.aborted || (run && run.status !== "stopped")) continue;
        controller.abort();
        // Stop on a run that goes on without the page ends it at Google; leaving the page doesn't.
        const background = runById(state, id)?.background;
        if (background && !run?.stoppedByReload) {
          void cancelBackgroundRun(background).catch(() => undefined);
        }
      }
    };

    sync(store.getState());
    const unsubscribe = store.subscribe(sync);
    return () => {
      unsubscribe();
      batcher.cancel();
      for (const controller of controllers.values()) controller.abort();
    };
  }, [store]);
}
