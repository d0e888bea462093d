import type { CompareDoc } from "@/lib/compare/document";

/** Blind mode: names and settings hidden, columns shuffled, until the person reveals them. */
export interface Blind {
  /** Column ids in the order shown. */
  order: string[];
  revealed: boolean;
  /** The column voted for, "tie", or null before a vote. */
  vote: string | null;
}

/** A fresh shuffle (Fisher–Yates); never the setup's own order when it can be helped. */
function shuffled(ids: string[]): string[] {
  const out = [...ids];
  for (let attempt = 0; attempt < 5; attempt++) {
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [out[i], out[j]] = [out[j] as string, out[i] as string];
    }
    if (out.some((id, i) => id !== ids[i])) break;
  }
  return out;
}

/** A new round of blind voting: a fresh shuffle, nothing voted or revealed. */
export const newRound = (doc: CompareDoc): Blind => ({
  order: shuffled(doc.columns.map((c) => c.id)),
  revealed: false,
  vote: null,
});

/** A blind round read back from storage (not trusted), or none. */
export function isBlind(value: unknown): boolean {
  if (value === null) return true;
  const blind = value as Partial<Blind> | undefined;
  return (
    typeof blind === "object" &&
    Array.isArray(blind.order) &&
    blind.order.every((id) => typeof id === "string") &&
    typeof blind.revealed === "boolean" &&
    (blind.vote === null || typeof blind.vote === "string")
  );
}
