import { type CompareDoc, withColumnAnswer } from "@/lib/compare/document";
import type { PromptDoc, Turn } from "@/lib/prompt";
import { promptBoxTurn } from "@/lib/prompt/text";
import { foldRunActions, initialRunState, type RunAction, type RunState } from "@/lib/run/reducer";
import type { PlaygroundState, SliceCreator } from "./types";

export interface RunRecord {
  id: string;
  /** Exactly the document sent: the run hook posts it, and "what was asked" stays inspectable. */
  request: PromptDoc;
  state: RunState;
  startedAt: number;
  /** When this browser read the first chunk: the client-side time to first token. */
  firstChunkAt?: number;
  endedAt?: number;
  /** The answer has been appended to the conversation (or there was nothing to append). */
  committed: boolean;
  /** The compare column this run answers for; absent for the chat's runs. */
  column?: string;
  /**
   * "Run in background": the run's id at the server, chosen here before it is sent, so a page
   * that leaves at once can still find it (`/api/background/{id}`).
   */
  background?: string;
  /** Read again from the server after the page left it, not sent anew. */
  reattached?: boolean;
}

/** One run's events of a frame, and when its first chunk was read (if in this batch). */
export interface RunBatch {
  runId: string;
  actions: readonly RunAction[];
  timing?: { firstChunkAt?: number };
}

export interface RunsSlice {
  runs: Record<string, RunRecord>;
  /** The chat's latest run: its status fills the status line and its answer streams live. */
  chatRunId: string | null;
  /** Which run produced the model turn at an index of `draft.contents` (for its footer). */
  runByTurn: Record<number, string>;
  /** Send the prompt box (or re-send a trailing user turn). Returns the run id, or null. */
  run: () => string | null;
  /** Re-send the conversation as it is, leaving the prompt box alone. */
  retry: () => string | null;
  stop: (runId?: string) => void;
  /** `firstChunkAt`: when the first chunk was read, if the caller timed it before batching. */
  applyRunEvents: (
    runId: string,
    actions: readonly RunAction[],
    timing?: { firstChunkAt?: number },
  ) => void;
  /** Several runs' events at once, in one store update. */
  applyRunBatches: (batches: readonly RunBatch[]) => void;
  /**
   * Reads the chat's background run again, from its first event, after the page left it (a
   * reload, a closed tab): the part of the answer it had joins the conversation again whole.
   */
  reattach: (runId: string) => void;
}

let sequence = 0;
/** Not crypto.randomUUID: that is missing on plain-http origins, where self-hosted servers live. */
export function newRunId(): string {
  sequence += 1;
  return `run-${Date.now().toString(36)}-${sequence}`;
}

/**
 * One run by its id. Every reader of a run goes through an id (the chat's is `chatRunId`), so
 * several runs — compare's columns — live side by side in this one store.
 */
export function runById(s: PlaygroundState, id: string | null | undefined): RunRecord | undefined {
  return id ? s.runs[id] : undefined;
}

export function isChatRunning(s: PlaygroundState): boolean {
  return runById(s, s.chatRunId)?.state.status === "streaming";
}

/**
 * The chat can send when there is something new to say, or a user turn still waiting for an
 * answer — not while its answer streams or files are still uploading.
 */
export function canSendChat(s: PlaygroundState): boolean {
  if (isChatRunning(s)) return false;
  if (s.uploads.some((u) => u.error === undefined)) return false;
  return hasPromptBox(s) || s.draft.contents.at(-1)?.role === "user";
}

/** The prompt box holds something to send: text or attached files. */
export function hasPromptBox(s: PlaygroundState): boolean {
  return s.promptText.trim() !== "" || s.attachments.length > 0;
}

/**
 * The patch that starts a chat run of `contents` (which become the draft's conversation). Every
 * way of running — Run, Retry, Rerun from here, sending function responses — goes through here.
 */
export function chatRunPatch(
  s: PlaygroundState,
  contents: Turn[],
  promptText: string,
): Partial<PlaygroundState> & { chatRunId: string } {
  const request: PromptDoc = { ...s.draft, contents };
  const record = newRunRecord(request);
  return {
    draft: request,
    promptText,
    chatRunId: record.id,
    runs: { ...s.runs, [record.id]: record },
  };
}

/**
 * A run about to be sent, streaming. One in the background is named here, before it is sent, so
 * a page that leaves at once can still find it and Stop can cancel it.
 */
export function newRunRecord(request: PromptDoc, column?: string): RunRecord {
  return {
    id: newRunId(),
    request,
    state: initialRunState(),
    startedAt: Date.now(),
    committed: false,
    ...(column !== undefined && { column }),
    ...(request.config.background && { background: newBackgroundId() }),
  };
}

export const createRunsSlice: SliceCreator<RunsSlice> = (set, get) => ({
  runs: {},
  chatRunId: null,
  runByTurn: {},

  run: () => {
    const s = get();
    if (!canSendChat(s)) return null;
    const turn = promptBoxTurn(s.promptText, s.attachments);
    const contents = turn ? [...s.draft.contents, turn] : s.draft.contents;
    const patch = chatRunPatch(s, contents, "");
    // The prompt box is sent: its files go with it, and notes about refused ones are done.
    set({ ...patch, attachments: [], uploads: [] });
    return patch.chatRunId;
  },

  retry: () => {
    const s = get();
    if (isChatRunning(s) || s.draft.contents.at(-1)?.role !== "user") return null;
    const patch = chatRunPatch(s, s.draft.contents, s.promptText);
    set(patch);
    return patch.chatRunId;
  },

  stop: (runId) => {
    const id = runId ?? get().chatRunId;
    if (id) get().applyRunEvents(id, [{ type: "stop" }]);
  },

  applyRunEvents: (runId, actions, timing) => set((s) => applyToRun(s, runId, actions, timing)),

  reattach: (runId) => set((s) => reattachPatch(s, runId)),

  applyRunBatches: (batches) =>
    set((s) => {
      // One store update for every run's events of a frame: with several runs streaming at once
      // (compare's columns), one update per run per frame was one render per run per frame.
      let state = s;
      for (const { runId, actions, timing } of batches) {
        state = { ...state, ...applyToRun(state, runId, actions, timing) };
      }
      return state === s ? {} : state;
    }),
});

/** 128 random bits, URL-safe: the run's name at the server, unguessable. */
function newBackgroundId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** A background run the page left (a reload, a closed tab), to read again from the server. */
function leftBehind(record: RunRecord | undefined): record is RunRecord {
  return (
    record?.state.status === "stopped" &&
    record.state.stoppedByReload === true &&
    record.background !== undefined
  );
}

/** The background runs the page left, the chat's and each compare column's, to read again. */
export function backgroundRunsToReattach(s: PlaygroundState): RunRecord[] {
  return [s.chatRunId, ...Object.values(s.columnRuns)]
    .map((id) => runById(s, id))
    .filter(leftBehind);
}

/** Each reads again whole: its partial answer leaves the conversation (or its column's turns). */
function reattachPatch(s: PlaygroundState, runId: string): Partial<PlaygroundState> {
  const record = runById(s, runId);
  if (!leftBehind(record) || !backgroundRunsToReattach(s).includes(record)) return {};
  const next: RunRecord = {
    ...record,
    state: initialRunState(),
    committed: false,
    reattached: true,
    firstChunkAt: undefined,
    endedAt: undefined,
  };
  const runs = { ...s.runs, [runId]: next };
  if (record.column) return { runs, compare: withoutColumnAnswer(s.compare, record) };
  const last = s.draft.contents.length - 1;
  const answered = s.runByTurn[last] === runId;
  const runByTurn = { ...s.runByTurn };
  if (answered) delete runByTurn[last];
  return {
    runs,
    runByTurn,
    ...(answered && { draft: { ...s.draft, contents: s.draft.contents.slice(0, -1) } }),
  };
}

/** A column's answer the run committed when the page left it: its column's last turn. */
function withoutColumnAnswer(compare: CompareDoc | null, record: RunRecord): CompareDoc | null {
  if (!compare || !record.committed) return compare;
  return {
    ...compare,
    columns: compare.columns.map((column) =>
      column.id === record.column && column.turns.at(-1)?.role === "model"
        ? { ...column, turns: column.turns.slice(0, -1) }
        : column,
    ),
  };
}

/** The patch that folds `actions` into run `runId` of state `s` (and commits a finished answer). */
function applyToRun(
  s: PlaygroundState,
  runId: string,
  actions: readonly RunAction[],
  timing?: { firstChunkAt?: number },
): Partial<PlaygroundState> {
  const record = s.runs[runId];
  if (!record) return {};
  const state = foldRunActions(record.state, actions);
  if (state === record.state) return {};
  const now = Date.now();
  const ended = record.state.status === "streaming" && state.status !== "streaming";
  // A run read again after the page left it has no first chunk this page saw arrive.
  const firstChunkAt = record.reattached
    ? undefined
    : (record.firstChunkAt ?? (state.chunks > 0 ? (timing?.firstChunkAt ?? now) : undefined));
  const next: RunRecord = {
    ...record,
    state,
    ...(firstChunkAt !== undefined && { firstChunkAt }),
    endedAt: ended ? now : record.endedAt,
  };
  const patch: Partial<PlaygroundState> = { runs: { ...s.runs, [runId]: next } };
  const answered = ended && (state.status === "done" || state.status === "stopped");
  // A compare column's answer joins that column's own conversation, the same way.
  if (answered && record.column && s.compare) {
    next.committed = true;
    if (state.parts.length > 0) {
      const turn = { role: "model" as const, parts: state.parts };
      patch.compare = withColumnAnswer(s.compare, record.column, turn);
    }
    return patch;
  }
  // A finished or stopped chat answer joins the conversation, signatures and all, so the
  // next run sends the whole exchange. A failed one is left out: Retry re-asks instead.
  if (answered && runId === s.chatRunId) {
    next.committed = true;
    const parts = state.parts;
    if (parts.length > 0) {
      const contents = [...s.draft.contents, { role: "model" as const, parts }];
      patch.draft = { ...s.draft, contents };
      patch.runByTurn = { ...s.runByTurn, [contents.length - 1]: runId };
    }
  }
  return patch;
}
