import { diffWords } from "diff";

export interface DiffPiece {
  text: string;
  change: "same" | "added" | "removed";
}

/** Past this, two answers are too far apart for a word diff to mean anything (or finish soon). */
const TIMEOUT_MS = 500;

/**
 * The words of `from` and `to`, each marked as kept, added (only in `to`) or removed (only in
 * `from`); null when the diff would take too long to be worth waiting for.
 */
export function wordDiff(from: string, to: string): DiffPiece[] | null {
  const changes = diffWords(from, to, { timeout: TIMEOUT_MS });
  if (!changes) return null;
  return changes.map((c) => ({
    text: c.value,
    change: c.added ? "added" : c.removed ? "removed" : "same",
  }));
}
