import type { RunSnapshot } from "@/lib/library/run-snapshot";
import { readSavedRuns, type SavedRuns } from "./saved-runs";
import type { PlaygroundState } from "./types";

/**
 * The page's last results as a snapshot: the same records a reload keeps (saved-runs.ts), for
 * the chat's answers or the compare columns'. Null when there is nothing finished to share.
 */
export function takeSnapshot(
  s: PlaygroundState,
  kind: "chat" | "compare",
  saved: SavedRuns,
): RunSnapshot | null {
  if (kind === "chat") {
    const runByTurn = Object.fromEntries(
      Object.entries(s.runByTurn).filter(([, id]) => id in saved),
    );
    const runs = Object.fromEntries(Object.values(runByTurn).map((id) => [id, saved[id]]));
    return Object.keys(runs).length > 0 ? { version: 1, kind, runs, runByTurn } : null;
  }
  const columnRuns = Object.fromEntries(
    Object.entries(s.columnRuns).filter(([, id]) => id in saved),
  );
  const runs = Object.fromEntries(Object.values(columnRuns).map((id) => [id, saved[id]]));
  return Object.keys(runs).length > 0 ? { version: 1, kind, runs, columnRuns } : null;
}

/** The runs a snapshot brings back into the page, each checked as a saved run is. */
export function snapshotRuns(snapshot: RunSnapshot) {
  const runs = readSavedRuns(snapshot.runs);
  const keep = (map: Record<string | number, string> | undefined) =>
    Object.fromEntries(Object.entries(map ?? {}).filter(([, id]) => id in runs));
  return { runs, runByTurn: keep(snapshot.runByTurn), columnRuns: keep(snapshot.columnRuns) };
}
