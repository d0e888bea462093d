import type { PromptDoc } from "@/lib/prompt";
import type { RunState } from "@/lib/run/reducer";
import { type RunStats, type RunTimings, runStats } from "@/lib/run/stats";
import type { CompareDoc } from "./document";

/** A column's latest run, as the compare page holds it. */
export interface ColumnRun extends RunTimings {
  request: PromptDoc;
  state: RunState;
}

export interface ColumnResult {
  columnId: string;
  /** The request exactly as sent: the column's model, settings and whole conversation. */
  request: PromptDoc;
  /** Everything the run ended with: the answer's parts, finish or block reason, usage, error. */
  state: RunState;
  /** The figures of the column's metrics row. */
  stats: RunStats;
}

/**
 * A compare round as one value: the setup and, per column in the setup's order, what it asked,
 * what came back and its figures. Plain JSON, so it can be downloaded now and stored or shared
 * as a run snapshot later; a column that never ran is left out.
 */
export interface CompareResults {
  version: 1;
  /** When the last column ended, epoch ms. */
  endedAt: number;
  setup: CompareDoc;
  columns: ColumnResult[];
}

/** The round's results once every column that ran has ended; null while one streams or none ran. */
export function compareResults(
  setup: CompareDoc,
  latest: (columnId: string) => ColumnRun | undefined,
): CompareResults | null {
  const columns: ColumnResult[] = [];
  let endedAt = 0;
  for (const column of setup.columns) {
    const run = latest(column.id);
    if (!run) continue;
    if (run.state.status === "streaming" || run.endedAt === undefined) return null;
    endedAt = Math.max(endedAt, run.endedAt);
    columns.push({
      columnId: column.id,
      request: run.request,
      state: run.state,
      stats: runStats(run.state, run, run.request.model),
    });
  }
  return columns.length > 0 ? { version: 1, endedAt, setup, columns } : null;
}

/** "compare-2026-12-07-0315.json": the round's end, in the person's time. */
export function resultsFileName(endedAt: number): string {
  const d = new Date(endedAt);
  const two = (n: number) => String(n).padStart(2, "0");
  return `compare-${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}.json`;
}
