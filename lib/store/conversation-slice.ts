import type { Role, Turn } from "@/lib/prompt";
import { emptyPromptDoc, promptBoxTurn } from "@/lib/prompt/text";
import {
  functionResponseTurn,
  isEmptyTurn,
  otherRole,
  pendingFunctionCalls,
  replaceTurnText,
} from "@/lib/run/turns";
import { DEFAULT_MODEL } from "./draft-slice";
import { chatRunPatch, isChatRunning } from "./runs-slice";
import type { PlaygroundState, SliceCreator } from "./types";
import { plural, undoPoint } from "./undo-slice";

/**
 * Editing the conversation as a prompt: turns are material to shape (fix a turn, delete it, make
 * it the model's, write a few-shot example by hand), not a log. None of these run while an
 * answer streams; the UI disables them, and the actions refuse too.
 */
export interface ConversationSlice {
  /**
   * Model turns answered before a turn above them was edited or switched role: what they answer
   * is no longer what the conversation says. Marked until rerun, deleted or cleared.
   */
  staleTurns: readonly number[];
  /** Replace a turn's prose; its signatures and tool parts stay. */
  editTurn: (index: number, text: string) => void;
  deleteTurn: (index: number) => void;
  switchTurnRole: (index: number) => void;
  /**
   * Drop every turn after this one and run again. On a model turn, that answer is regenerated
   * (it goes too). Returns the run id, or null when there is nothing to run.
   */
  rerunFrom: (index: number) => string | null;
  /** The prompt box becomes a turn of `role` without running (few-shot examples). */
  addPromptToChat: (role: Role) => void;
  /** Answer the last model turn's function calls, in order, and let the model continue. */
  sendFunctionResponses: (responses: readonly Record<string, unknown>[]) => string | null;
  /** Start over: empty conversation, no system instruction, default model and settings. */
  newPrompt: () => void;
}

type RunIndex = Record<number, string>;

/** `runByTurn` after removing the turn at `index`: later turns move up by one. */
export function withoutRunIndex(runByTurn: RunIndex, index: number): RunIndex {
  const next: RunIndex = {};
  for (const [key, runId] of Object.entries(runByTurn)) {
    const i = Number(key);
    if (i < index) next[i] = runId;
    else if (i > index) next[i - 1] = runId;
  }
  return next;
}

/** `runByTurn` for a conversation cut to its first `count` turns. */
export function runIndexBefore(runByTurn: RunIndex, count: number): RunIndex {
  const next: RunIndex = {};
  for (const [key, runId] of Object.entries(runByTurn)) {
    if (Number(key) < count) next[Number(key)] = runId;
  }
  return next;
}

/** A turn whose content no longer is what its run produced loses the run's stats and sources. */
function forgetRun(runByTurn: RunIndex, index: number): RunIndex {
  if (!(index in runByTurn)) return runByTurn;
  const { [index]: _dropped, ...rest } = runByTurn;
  return rest;
}

/** The model turns after `index` join the stale ones: an earlier turn changed under them. */
function staleAfter(contents: readonly Turn[], index: number, stale: readonly number[]): number[] {
  const marked = new Set(stale);
  contents.forEach((turn, i) => {
    if (i > index && turn.role === "model") marked.add(i);
  });
  return [...marked].sort((a, b) => a - b);
}

/** Stale marks after removing the turn at `index`: later ones move up by one. */
export function staleWithout(stale: readonly number[], index: number): number[] {
  return stale.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i));
}

function withTurns(s: PlaygroundState, contents: Turn[]): Pick<PlaygroundState, "draft"> {
  return { draft: { ...s.draft, contents } };
}

export const createConversationSlice: SliceCreator<ConversationSlice> = (set, get) => ({
  staleTurns: [],

  editTurn: (index, text) =>
    set((s) => {
      const turn = s.draft.contents[index];
      if (!turn || isChatRunning(s)) return {};
      const edited = replaceTurnText(turn, text);
      if (isEmptyTurn(edited)) return {};
      const contents = s.draft.contents.with(index, edited);
      return {
        ...withTurns(s, contents),
        runByTurn: forgetRun(s.runByTurn, index),
        staleTurns: staleAfter(contents, index, s.staleTurns),
      };
    }),

  deleteTurn: (index) =>
    set((s) => {
      if (!s.draft.contents[index] || isChatRunning(s)) return {};
      const contents = s.draft.contents.filter((_, i) => i !== index);
      return {
        ...withTurns(s, contents),
        runByTurn: withoutRunIndex(s.runByTurn, index),
        staleTurns: staleWithout(s.staleTurns, index),
        undoEntry: undoPoint(s, `Turn ${index + 1} deleted`, contents),
      };
    }),

  switchTurnRole: (index) =>
    set((s) => {
      const turn = s.draft.contents[index];
      if (!turn || isChatRunning(s)) return {};
      const contents = s.draft.contents.with(index, { ...turn, role: otherRole(turn.role) });
      return {
        ...withTurns(s, contents),
        runByTurn: forgetRun(s.runByTurn, index),
        // Now a user turn, or an answer written by hand: it is not stale itself.
        staleTurns: staleAfter(contents, index, s.staleTurns).filter((i) => i !== index),
      };
    }),

  rerunFrom: (index) => {
    const s = get();
    const turn = s.draft.contents[index];
    if (!turn || isChatRunning(s)) return null;
    const keep = turn.role === "model" ? index : index + 1;
    if (keep === 0) return null;
    const contents = s.draft.contents.slice(0, keep);
    const patch = chatRunPatch(s, contents, s.promptText);
    const dropped = s.draft.contents.length - keep;
    // Nothing dropped (the last turn is the user's): nothing to take back.
    const undoEntry =
      dropped > 0
        ? undoPoint(
            s,
            `Rerun from turn ${index + 1}: ${plural(dropped, "turn")} replaced`,
            contents,
            patch.chatRunId,
          )
        : s.undoEntry;
    set({
      ...patch,
      runByTurn: runIndexBefore(s.runByTurn, keep),
      staleTurns: s.staleTurns.filter((i) => i < keep),
      undoEntry,
    });
    return patch.chatRunId;
  },

  addPromptToChat: (role) =>
    set((s) => {
      const turn = promptBoxTurn(s.promptText, s.attachments, role);
      if (!turn || isChatRunning(s)) return {};
      return {
        ...withTurns(s, [...s.draft.contents, turn]),
        promptText: "",
        attachments: [],
        uploads: [],
      };
    }),

  sendFunctionResponses: (responses) => {
    const s = get();
    const calls = pendingFunctionCalls(s.draft.contents);
    if (isChatRunning(s) || calls.length === 0 || responses.length !== calls.length) return null;
    const contents = [...s.draft.contents, functionResponseTurn(calls, responses)];
    const patch = chatRunPatch(s, contents, s.promptText);
    set(patch);
    return patch.chatRunId;
  },

  newPrompt: () => {
    const { chatRunId, stop, resetRunSettings } = get();
    if (chatRunId) stop(chatRunId);
    // The settings' own reset also forgets switched-off settings kept for switching back on.
    resetRunSettings();
    set((s) => {
      // The chat's runs go with its turns; other runs (none yet) are not this action's to end.
      const chatRuns = new Set([...Object.values(s.runByTurn), chatRunId]);
      const runs = Object.fromEntries(Object.entries(s.runs).filter(([id]) => !chatRuns.has(id)));
      return {
        draft: emptyPromptDoc(DEFAULT_MODEL),
        promptText: "",
        attachments: [],
        modelSource: "default",
        chatRunId: null,
        runs,
        runByTurn: {},
        staleTurns: [],
        // A new prompt is a fresh start: the old conversation is not brought back into it.
        undoEntry: null,
        // Nor is it the saved prompt the old one was: saving it makes a new one.
        savedChat: null,
      };
    });
  },
});
