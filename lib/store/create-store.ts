import type { Mutate, StoreApi } from "zustand";
import { type PersistOptions, persist, type StateStorage } from "zustand/middleware";
import { createStore } from "zustand/vanilla";
import type { Vote } from "@/lib/compare/tally";
import { readSavedRef } from "@/lib/library/saved-ref";
import type { MediaPart, PromptDoc, Turn } from "@/lib/prompt";
import { createCatalogSlice } from "./catalog-slice";
import { isBlind } from "./compare-blind";
import { type CompareSlice, createCompareSlice } from "./compare-slice";
import { createConversationSlice } from "./conversation-slice";
import { createDraftSlice, type ModelSource } from "./draft-slice";
import { createLibrarySlice, type LibrarySlice } from "./library-slice";
import { createPanelsSlice } from "./panels-slice";
import { createRunSettingsSlice } from "./run-settings-slice";
import { createRunsSlice, isChatRunning } from "./runs-slice";
import { readCompareDoc } from "./saved-compare";
import { readSavedDraft } from "./saved-draft";
import { createRunSaver, readSavedRuns, runsBesideTurns, type SavedRuns } from "./saved-runs";
import { browserStorage, createDraftStorage, hasBacking } from "./storage";
import { createTabSyncSlice, type TabSync } from "./tab-sync-slice";
import type { PlaygroundState } from "./types";
import { createUndoSlice } from "./undo-slice";

/**
 * What survives a reload: the draft, preferences, and the runs behind what is on screen (stats,
 * finish reasons, badges, the status line). Never a run still streaming, never the catalogue.
 */
export interface PersistedState
  /** The compare setup, and the runs behind its columns' latest answers. */
  extends Pick<
      CompareSlice,
      "compare" | "columnRuns" | "blind" | "votes" | "syncScroll" | "compact"
    >,
    Pick<LibrarySlice, "savedChat" | "savedCompare"> {
  draft: PromptDoc;
  promptText: string;
  attachments: MediaPart[];
  modelSource: ModelSource;
  settingsOpen: boolean;
  systemOpen: boolean;
  staleTurns: readonly number[];
  runs: SavedRuns;
  runByTurn: Record<number, string>;
  chatRunId: string | null;
}

export const STORAGE_KEY = "gemini-playground:draft";
const STORAGE_VERSION = 1;

export interface CreatePlaygroundStoreOptions {
  /** Defaults to localStorage in a browser; tests pass an in-memory one. */
  storage?: () => StateStorage | undefined;
  /** Write delay for the persisted draft, in ms. */
  persistDelayMs?: number;
}

function partializeWith(savedRuns: (s: PlaygroundState) => SavedRuns) {
  // The same object while nothing it holds changed: the storage skips a write whose fields are
  // all the same objects as the last, and a stream updates the state dozens of times a second.
  let columns: {
    from: PersistedState["columnRuns"];
    runs: SavedRuns;
    saved: PersistedState["columnRuns"];
  } | null = null;
  const savedColumnRuns = (s: PlaygroundState, runs: SavedRuns) => {
    if (columns?.from !== s.columnRuns || columns.runs !== runs) {
      const saved = Object.fromEntries(Object.entries(s.columnRuns).filter(([, id]) => id in runs));
      columns = { from: s.columnRuns, runs, saved };
    }
    return columns.saved;
  };
  return (s: PlaygroundState): PersistedState => {
    const runs = savedRuns(s);
    return {
      ...partialize(s),
      runs,
      runByTurn: s.runByTurn,
      chatRunId: s.chatRunId && s.chatRunId in runs ? s.chatRunId : null,
      columnRuns: savedColumnRuns(s, runs),
    };
  };
}

function partialize(
  s: PlaygroundState,
): Omit<PersistedState, "runs" | "runByTurn" | "chatRunId" | "columnRuns"> {
  return {
    compare: s.compare,
    blind: s.blind,
    votes: s.votes,
    syncScroll: s.syncScroll,
    compact: s.compact,
    draft: s.draft,
    promptText: s.promptText,
    attachments: s.attachments,
    modelSource: s.modelSource,
    settingsOpen: s.settingsOpen,
    systemOpen: s.systemOpen,
    staleTurns: s.staleTurns,
    savedChat: s.savedChat,
    savedCompare: s.savedCompare,
  };
}

/**
 * Saved values are checked before use, and never overwrite what the person already changed
 * since the page loaded (typing before the saved draft was read must not be lost).
 */
function merge(
  persisted: unknown,
  current: PlaygroundState,
  /** Null when adopting another tab's save: every saved value replaces this tab's. */
  initial: PlaygroundState | null,
): PlaygroundState {
  const saved = (persisted ?? {}) as Partial<Record<keyof PersistedState, unknown>>;
  const untouched = <K extends keyof PersistedState>(key: K) =>
    initial === null || current[key] === initial[key];
  const draft = untouched("draft") ? readSavedDraft(saved.draft) : undefined;
  const pick = <K extends keyof PersistedState>(key: K, ok: boolean): PersistedState[K] =>
    ok && untouched(key) ? (saved[key] as PersistedState[K]) : current[key];
  return {
    ...current,
    draft: draft ?? current.draft,
    promptText: pick("promptText", typeof saved.promptText === "string"),
    attachments: pick("attachments", isMediaList(saved.attachments)),
    modelSource: pick(
      "modelSource",
      saved.modelSource === "user" || saved.modelSource === "default",
    ),
    settingsOpen: pick("settingsOpen", typeof saved.settingsOpen === "boolean"),
    systemOpen: pick("systemOpen", typeof saved.systemOpen === "boolean"),
    ...restoredRuns(saved, draft?.contents, current, untouched("runs")),
    ...restoredCompare(saved, current, untouched("compare")),
    blind: pick("blind", isBlind(saved.blind)),
    votes: pick("votes", Array.isArray(saved.votes) && saved.votes.every(isVote)),
    syncScroll: pick("syncScroll", typeof saved.syncScroll === "boolean"),
    compact: pick("compact", typeof saved.compact === "boolean"),
    savedChat: pick(
      "savedChat",
      saved.savedChat === null || readSavedRef(saved.savedChat) !== null,
    ),
    savedCompare: pick(
      "savedCompare",
      saved.savedCompare === null || readSavedRef(saved.savedCompare) !== null,
    ),
    // Marks only for turns the restored draft has; anything else is dropped.
    staleTurns: pick(
      "staleTurns",
      draft !== undefined &&
        Array.isArray(saved.staleTurns) &&
        saved.staleTurns.every((i) => Number.isInteger(i) && i >= 0 && i < draft.contents.length),
    ),
  };
}

/**
 * The saved runs with the turns and status line they belong to. A turn index past the restored
 * conversation, or naming a run that didn't survive, is dropped: that answer shows its text only.
 */
function restoredRuns(
  saved: Partial<Record<keyof PersistedState, unknown>>,
  turns: readonly Turn[] | undefined,
  current: PlaygroundState,
  untouched: boolean,
): Pick<PlaygroundState, "runs" | "runByTurn" | "chatRunId"> {
  const keep = { runs: current.runs, runByTurn: current.runByTurn, chatRunId: current.chatRunId };
  if (!untouched || turns === undefined) return keep;
  const runs = readSavedRuns(saved.runs);
  const beside = runsBesideTurns(runs, (saved.runByTurn ?? {}) as Record<string, unknown>, turns);
  Object.assign(runs, beside.runs);
  const { runByTurn } = beside;
  const chat =
    typeof saved.chatRunId === "string" && saved.chatRunId in runs ? saved.chatRunId : null;
  return { runs: { ...current.runs, ...runs }, runByTurn, chatRunId: chat };
}

/** The compare setup, and the runs of its columns that came back with the saved runs. */
function restoredCompare(
  saved: Partial<Record<keyof PersistedState, unknown>>,
  current: PlaygroundState,
  untouched: boolean,
): Pick<PlaygroundState, "compare" | "columnRuns"> {
  const compare = untouched ? readCompareDoc(saved.compare) : null;
  if (!compare) return { compare: current.compare, columnRuns: current.columnRuns };
  const runs = readSavedRuns(saved.runs);
  const columnRuns: Record<string, string> = {};
  for (const [column, id] of Object.entries((saved.columnRuns ?? {}) as Record<string, unknown>)) {
    if (typeof id === "string" && id in runs && compare.columns.some((c) => c.id === column)) {
      columnRuns[column] = id;
    }
  }
  return { compare, columnRuns };
}

function isVote(value: unknown): boolean {
  const vote = value as Partial<Vote> | null;
  return (
    typeof vote === "object" &&
    vote !== null &&
    Array.isArray(vote.models) &&
    vote.models.every((m) => typeof m === "string") &&
    (vote.winner === null || typeof vote.winner === "string") &&
    typeof vote.at === "number"
  );
}

/** Saved attachments are references; a malformed one would fail the next run, so drop them all. */
function isMediaList(value: unknown): value is MediaPart[] {
  return (
    Array.isArray(value) &&
    value.every(
      (p) =>
        p?.kind === "media" &&
        typeof p.sha256 === "string" &&
        /^[0-9a-f]{64}$/.test(p.sha256) &&
        typeof p.mimeType === "string",
    )
  );
}

export function createPlaygroundStore(options: CreatePlaygroundStoreOptions = {}) {
  let initial: PlaygroundState | undefined;
  let created: Mutate<StoreApi<PlaygroundState>, [["zustand/persist", PersistedState]]> | undefined;
  let adopting = false;
  // Before the storage's own listener, which saves on leaving: an answer still streaming becomes
  // a turn first ("Stopped by reload"), so what was on screen is in that last save. Also on
  // beforeunload: by pagehide the browser may already have cut the answer's connection, which
  // would read as a failed run.
  const backing = options.storage ?? browserStorage;
  // A store that saves nothing (a compare column's settings) has no answer to save on leaving.
  if (typeof window !== "undefined" && hasBacking(backing)) {
    const stopForReload = () => {
      const s = created?.getState();
      if (s?.chatRunId && isChatRunning(s)) {
        s.applyRunEvents(s.chatRunId, [{ type: "stop", reload: true }]);
      }
      for (const id of Object.values(s?.columnRuns ?? {})) {
        if (s?.runs[id]?.state.status === "streaming") {
          s.applyRunEvents(id, [{ type: "stop", reload: true }]);
        }
      }
    };
    window.addEventListener("beforeunload", stopForReload);
    window.addEventListener("pagehide", stopForReload);
  }
  const adoptSaved = () =>
    storage.adopt(async () => {
      adopting = true;
      try {
        await created?.persist.rehydrate();
      } finally {
        adopting = false;
      }
    });
  const sync: TabSync = { adopt: () => void adoptSaved(), keep: () => storage.rewrite() };
  const storage = createDraftStorage<PersistedState>(
    backing,
    options.persistDelayMs,
    undefined,
    () => {
      const s = created?.getState();
      if (!s?.hydrated) return;
      // Work of this tab not yet saved, or an answer arriving: the person decides.
      if (storage.hasUnsaved() || isChatRunning(s)) {
        storage.hold();
        created?.setState({ otherTabChanged: true });
      } else {
        void adoptSaved();
      }
    },
  );
  const persistOptions: PersistOptions<PlaygroundState, PersistedState> = {
    name: STORAGE_KEY,
    version: STORAGE_VERSION,
    storage,
    partialize: partializeWith(createRunSaver()),
    merge: (persisted, current) =>
      merge(persisted, current, adopting ? null : (initial ?? current)),
    // Version 1 is the first; later versions migrate here. Unknown shapes go through `merge`.
    migrate: (persisted) => persisted as PersistedState,
    // The server renders the defaults; reading localStorage during the first client render
    // would mismatch hydration, so the provider rehydrates after mount.
    skipHydration: true,
  };
  const store = createStore<PlaygroundState>()(
    persist(
      (...a) => ({
        ...createDraftSlice(...a),
        ...createRunSettingsSlice(...a),
        ...createConversationSlice(...a),
        ...createRunsSlice(...a),
        ...createPanelsSlice(...a),
        ...createCatalogSlice(...a),
        ...createUndoSlice(...a),
        ...createTabSyncSlice(sync)(...a),
        ...createCompareSlice(...a),
        ...createLibrarySlice(...a),
      }),
      persistOptions,
    ),
  );
  initial = store.getInitialState();
  created = store;
  return store;
}

export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;
