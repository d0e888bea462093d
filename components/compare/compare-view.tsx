"use client";

import { useEffect, useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { preloadMarkdown } from "@/components/answer/markdown";
import { OfflineBanner } from "@/components/chat/offline-banner";
import { ReplacedDraftNotice } from "@/components/library/replaced-draft-notice";
import { SnapshotNotice } from "@/components/library/snapshot-notice";
import { prepareDocBody } from "@/lib/client/doc-body";
import { bestColumns, METRICS, type MetricKey } from "@/lib/compare/metrics";
import { useBackgroundReattach } from "@/lib/hooks/use-background-reattach";
import { useModelCatalog } from "@/lib/hooks/use-models";
import { useRunExecutor } from "@/lib/hooks/use-run-executor";
import { whenIdle } from "@/lib/idle";
import { type RunStats, runStats } from "@/lib/run/stats";
import { PlaygroundStoreProvider, type RunRecord, shownOrder, usePlayground } from "@/lib/store";
import type { PageSeed } from "@/lib/store/library-slice";
import type { Theme } from "@/lib/theme";
import { CompareColumn } from "./compare-column";
import { CompareHeader } from "./compare-header";
import { ComparePrompt } from "./compare-prompt";
import { CompareToolbar } from "./compare-toolbar";
import { SyncScrollProvider } from "./sync-scroll";

interface CompareViewProps {
  simulated: boolean;
  theme: Theme;
  /** A saved compare setup opened from a share link. */
  seed?: PageSeed;
}

/** /compare: one prompt, 2 to 6 columns of models or settings, run side by side. */
export function CompareView(props: CompareViewProps) {
  return (
    <PlaygroundStoreProvider seed={props.seed}>
      <CompareLayout {...props} />
    </PlaygroundStoreProvider>
  );
}

function CompareLayout({ simulated, theme }: CompareViewProps) {
  useRunExecutor();
  useBackgroundReattach();
  useModelCatalog();
  const hydrated = usePlayground((s) => s.hydrated);
  const started = usePlayground((s) => s.compare !== null);
  const openCompare = usePlayground((s) => s.openCompare);
  const runAll = usePlayground((s) => s.runAll);
  const offline = usePlayground((s) => simulated || s.catalog.simulated);

  useEffect(() => {
    // Opened directly, with no setup saved: start one from the chat's prompt.
    if (hydrated && !started) openCompare();
  }, [hydrated, started, openCompare]);

  useEffect(() => {
    whenIdle(preloadMarkdown);
    whenIdle(prepareDocBody);
  }, []);

  return (
    <div className="flex h-dvh flex-col">
      <CompareHeader offline={offline} theme={theme} />
      {offline && <OfflineBanner />}
      <ReplacedDraftNotice kind="compare" />
      <SnapshotNotice onRunAgain={runAll} />
      <main className="flex min-h-0 flex-1 flex-col">
        {started && <CompareToolbar />}
        {started && <ColumnsGrid />}
        <ComparePrompt />
      </main>
    </div>
  );
}

/** Stats per run record, computed once per record (a record is replaced whenever it changes). */
const statsCache = new WeakMap<RunRecord, RunStats>();
function statsOf(run: RunRecord | undefined): RunStats | undefined {
  if (!run || run.state.status === "streaming") return undefined;
  let stats = statsCache.get(run);
  if (!stats) {
    stats = runStats(run.state, run, run.request.model);
    statsCache.set(run, stats);
  }
  return stats;
}

function ColumnsGrid() {
  const ids = usePlayground(useShallow(shownOrder));
  const compact = usePlayground((s) => s.compact);
  const records = usePlayground(
    useShallow((s) => ids.map((id) => s.runs[s.columnRuns[id] ?? ""] as RunRecord | undefined)),
  );
  const stats = useMemo(() => records.map(statsOf), [records]);
  const best = useMemo(() => bestColumns(stats), [stats]);
  return (
    <div className="min-h-0 flex-1 snap-x scroll-px-3 overflow-x-auto">
      <div
        data-compact={compact || undefined}
        className="grid h-full min-w-full gap-3 p-3 data-compact:gap-2 data-compact:p-2 data-compact:text-sm"
        style={{
          // A phone shows one column and the edge of the next, to swipe to.
          gridTemplateColumns: `repeat(${ids.length}, minmax(min(${compact ? "12rem" : "18rem"}, 100vw - 3rem), 1fr))`,
        }}
      >
        <SyncScrollProvider>
          {ids.map((id, index) => (
            <CompareColumn
              key={id}
              id={id}
              index={index}
              count={ids.length}
              stats={stats[index]}
              best={bestOf(best, index)}
            />
          ))}
        </SyncScrollProvider>
      </div>
    </div>
  );
}

/** The figures this column is best at, as one string so the column's memo can compare it. */
function bestOf(best: Record<MetricKey, number[]>, index: number): string {
  return METRICS.filter(({ key }) => best[key].includes(index))
    .map(({ key }) => key)
    .join(" ");
}
