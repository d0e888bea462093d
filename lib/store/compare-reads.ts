import { baseContents } from "@/lib/compare/document";
import { type CompareResults, compareResults } from "@/lib/compare/results";
import type { Turn } from "@/lib/prompt";
import { promptBoxTurn } from "@/lib/prompt/text";
import { pendingFunctionCalls } from "@/lib/run/turns";
import type { PlaygroundState } from "./types";

/** What the compare page reads from the store: derived from the setup and the runs, never kept. */

/** The columns' ids in the order they are shown: shuffled in blind mode. */
export function shownOrder(s: PlaygroundState): string[] {
  const ids = (s.compare?.columns ?? []).map((c) => c.id);
  if (!s.blind) return ids;
  const shown = s.blind.order.filter((id) => ids.includes(id));
  return [...shown, ...ids.filter((id) => !shown.includes(id))];
}

export const isColumnRunning = (s: PlaygroundState, columnId: string): boolean => {
  const runId = s.columnRuns[columnId];
  return runId !== undefined && s.runs[runId]?.state.status === "streaming";
};

/**
 * The last turn of a column's whole conversation (its own, or the shared one before it has any):
 * if the model's, its calls wait for their results.
 */
export function columnLastTurn(s: PlaygroundState, columnId: string): Turn | undefined {
  const doc = s.compare;
  const column = doc?.columns.find((c) => c.id === columnId);
  if (!doc || !column) return undefined;
  return column.turns.at(-1) ?? baseContents(doc, column).at(-1);
}

/** The calls a column's model made that wait for their results (none while it runs). */
export function columnPendingCalls(s: PlaygroundState, columnId: string) {
  const last = columnLastTurn(s, columnId);
  return last && !isColumnRunning(s, columnId) ? pendingFunctionCalls([last]) : [];
}

/**
 * The shown numbers (1-based, as the columns are named) of the columns whose model waits for
 * function results. A follow-up cannot go to them: the turn after a call must answer it.
 */
export function columnsAwaitingResults(s: PlaygroundState): number[] {
  return shownOrder(s).flatMap((id, i) => (columnPendingCalls(s, id).length > 0 ? [i + 1] : []));
}

/** The prompt box holds a follow-up that some column cannot take yet (see above). */
export const isFollowUpBlocked = (s: PlaygroundState): boolean =>
  promptBoxTurn(s.promptText, s.attachments) !== null && columnsAwaitingResults(s).length > 0;

/** The round's results (`lib/compare/results.ts`); null while a column runs, or none ran. */
export const compareRoundResults = (s: PlaygroundState): CompareResults | null =>
  s.compare ? compareResults(s.compare, (columnId) => s.runs[s.columnRuns[columnId] ?? ""]) : null;

export const isCompareRunning = (s: PlaygroundState): boolean =>
  (s.compare?.columns ?? []).some((c) => isColumnRunning(s, c.id));
