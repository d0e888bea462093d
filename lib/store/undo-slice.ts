import type { Turn } from "@/lib/prompt";
import { isChatRunning } from "./runs-slice";
import type { PlaygroundState, SliceCreator } from "./types";

/**
 * The conversation as it was before one destructive action — Clear chat, Delete turn, Rerun from
 * here — so the action can be taken back instead of asked about first.
 */
export interface UndoEntry {
  /** Distinguishes entries: a toast restarts its timer for a new one. */
  id: number;
  /** What happened, in words for the toast: "Turn 3 deleted". */
  label: string;
  contents: Turn[];
  runByTurn: Record<number, string>;
  staleTurns: readonly number[];
  chatRunId: string | null;
  /** The turns right after the action: undo applies only while the conversation is still this. */
  after: readonly Turn[];
  /** A rerun's own run: its answer may join `after`, and undoing stops it if it still streams. */
  runId: string | null;
}

export interface UndoSlice {
  undoEntry: UndoEntry | null;
  /** Take back the last destructive action, if nothing has changed the conversation since. */
  undo: () => boolean;
  dismissUndo: () => void;
}

let sequence = 0;

/** "1 turn", "3 turns". */
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** An undo point for `s`, the state before the action; `after` is the conversation it leaves. */
export function undoPoint(
  s: PlaygroundState,
  label: string,
  after: readonly Turn[],
  runId: string | null = null,
): UndoEntry {
  sequence += 1;
  return {
    id: sequence,
    label,
    contents: s.draft.contents,
    runByTurn: s.runByTurn,
    staleTurns: s.staleTurns,
    chatRunId: s.chatRunId,
    after,
    runId,
  };
}

/**
 * The undo entry if it still applies: the conversation holds exactly the turns the action left
 * (the same objects: an edit, a role switch or a new turn since makes it stale), plus at most
 * the rerun's own answer. Undoing past later work would lose it.
 */
export function applicableUndo(s: PlaygroundState): UndoEntry | null {
  const entry = s.undoEntry;
  if (!entry) return null;
  const { contents } = s.draft;
  if (contents === entry.after) return entry;
  const extra = contents.length - entry.after.length;
  const ownAnswer = extra === 1 && entry.runId !== null && entry.runId === s.chatRunId;
  if (extra !== 0 && !ownAnswer) return null;
  return entry.after.every((turn, i) => contents[i] === turn) ? entry : null;
}

export const createUndoSlice: SliceCreator<UndoSlice> = (set, get) => ({
  undoEntry: null,

  undo: () => {
    const entry = applicableUndo(get());
    if (!entry) return false;
    // A rerun still streaming is stopped first: its partial answer goes with the undo.
    if (entry.runId && get().chatRunId === entry.runId) get().stop(entry.runId);
    const s = get();
    if (isChatRunning(s)) return false;
    set({
      draft: { ...s.draft, contents: entry.contents },
      runByTurn: entry.runByTurn,
      staleTurns: entry.staleTurns,
      chatRunId: entry.chatRunId,
      undoEntry: null,
    });
    return true;
  },

  dismissUndo: () => set({ undoEntry: null }),
});
