/**
 * The results of a saved revision's last run, as the page held them: the run records behind
 * the chat's answers (by turn) or the compare columns' (by column), with their figures, finish
 * reasons, sources and errors. The answers' words are the revision's own turns.
 */
export interface RunSnapshot {
  version: 1;
  kind: "chat" | "compare";
  /** Run records by id (the store's `RunRecord`, as saved for a reload). */
  runs: Record<string, unknown>;
  /** Chat: which turn each run answered. */
  runByTurn?: Record<number, string>;
  /** Compare: each column's latest run. */
  columnRuns?: Record<string, string>;
}

/** A snapshot as the server gives it back, with who made it and when. */
export interface SharedSnapshot {
  id: string;
  author: string;
  createdAt: number;
  results: RunSnapshot;
}

/** Largest snapshot the server keeps (JSON bytes): the answers' figures, not their media. */
export const MAX_SNAPSHOT_BYTES = 5 * 1024 * 1024;
