import type { StateStorage } from "zustand/middleware";
import type { Turn } from "@/lib/prompt";

/**
 * How a saved draft is laid out in storage (storage.ts writes it): the state under its own key,
 * each turn under `name:turn:id` and each run under `name:run:id`, the state holding references.
 */

/** A turn saved under a key of its own; the role stays beside it (see `hasSavedAnswers`). */
export interface TurnRef {
  $turn: string;
  role: Turn["role"];
}

export const turnKey = (name: string, id: string) => `${name}:turn:${id}`;
export const runKey = (name: string, id: string) => `${name}:run:${id}`;

const isRef = (value: unknown): value is TurnRef =>
  typeof value === "object" && value !== null && typeof (value as TurnRef).$turn === "string";

/**
 * The saved turns, references resolved. A turn whose key is gone (removed by another tab, or
 * storage cleared in part) is left out rather than losing the whole conversation.
 */
export function readTurns(
  storage: StateStorage,
  name: string,
  contents: unknown[],
  found: (id: string, turn: Turn) => void,
): Turn[] {
  const turns: Turn[] = [];
  for (const item of contents) {
    if (!isRef(item)) {
      turns.push(item as Turn);
      continue;
    }
    const raw = storage.getItem(turnKey(name, item.$turn));
    if (typeof raw !== "string") continue;
    try {
      const turn = JSON.parse(raw) as Turn;
      found(item.$turn, turn);
      turns.push(turn);
    } catch {
      // Unreadable: left out, as a missing one.
    }
  }
  return turns;
}

/** The saved runs by id, each read from its key; one missing or unreadable is left out. */
export function readRuns(
  storage: StateStorage,
  name: string,
  ids: unknown[],
  found: (id: string, run: object) => void,
): Record<string, object> {
  const runs: Record<string, object> = {};
  for (const id of ids) {
    if (typeof id !== "string") continue;
    const raw = storage.getItem(runKey(name, id));
    if (typeof raw !== "string") continue;
    try {
      const run = JSON.parse(raw) as object;
      found(id, run);
      runs[id] = run;
    } catch {
      // Unreadable: its answer keeps its text, without figures.
    }
  }
  return runs;
}
