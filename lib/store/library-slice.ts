import type { CompareDoc } from "@/lib/compare/document";
import type { SharedSnapshot } from "@/lib/library/run-snapshot";
import { refOf, type SavedPromptView, type SavedRef } from "@/lib/library/saved-ref";
import type { MediaPart, Part, PromptDoc } from "@/lib/prompt";
import { newRunRecord, type RunRecord } from "./runs-slice";
import { runsBesideTurns } from "./saved-runs";
import { snapshotRuns } from "./snapshot";
import type { PlaygroundState, SliceCreator } from "./types";

/**
 * Which saved prompt the chat's draft and the compare setup belong to: the one each was opened
 * from, or last saved as. Saving again adds a revision to it; null saves a new prompt.
 */
export interface LibrarySlice {
  savedChat: SavedRef | null;
  savedCompare: SavedRef | null;
  setSaved: (kind: "chat" | "compare", ref: SavedRef | null) => void;
  /**
   * A saved prompt opened from a link becomes the draft (or the compare setup), unless the
   * draft already is that prompt at that revision: then it keeps the person's edits.
   */
  openSaved: (view: SavedPromptView, snapshot?: SharedSnapshot) => void;
  /** A shared run's results on screen: whose, and when they were made (not saved). */
  snapshotShown: { author: string; createdAt: number } | null;
  dismissSnapshot: () => void;
  /** A past run from the history becomes the chat: what was asked, and the answer. */
  openPastRun: (run: PastRun) => void;
  /** Opens a background run in the chat, read from the server as it goes on. */
  openBackgroundRun: (run: BackgroundSeed) => void;
  /** Unsaved work a link or a past run replaced, until brought back or dismissed (not saved). */
  replacedDraft: ReplacedDraft | null;
  restoreReplacedDraft: () => void;
  dismissReplacedDraft: () => void;
}

/** Anything a "New prompt" (or opening another prompt over it) would throw away. */
export function hasWork(s: PlaygroundState): boolean {
  const { draft } = s;
  return (
    draft.contents.length > 0 ||
    draft.systemInstruction.trim() !== "" ||
    s.promptText.trim() !== "" ||
    s.attachments.length > 0 ||
    Object.keys(draft.config).length > 0 ||
    Object.keys(draft.tools).length > 0
  );
}

/** The chat's work, or the compare setup, as it was before a link or a past run replaced it. */
export type ReplacedDraft =
  | {
      kind: "chat";
      draft: PromptDoc;
      promptText: string;
      attachments: MediaPart[];
      savedChat: SavedRef | null;
    }
  | {
      kind: "compare";
      compare: CompareDoc;
      columnRuns: Record<string, string>;
      savedCompare: SavedRef | null;
    };

/** A compare setup with something in it a person wrote or ran. */
function hasCompareWork(compare: CompareDoc | null): compare is CompareDoc {
  return (
    compare !== null &&
    (compare.shared.contents.length > 0 ||
      compare.shared.systemInstruction.trim() !== "" ||
      compare.columns.some((c) => c.turns.length > 0 || (c.contents?.length ?? 0) > 0))
  );
}

/** A run as the history gives it back to the chat. */
export interface PastRun {
  document: PromptDoc;
  parts: Part[];
}

/** What a page was opened on, to become the draft once the saved one is read. */
export type PageSeed =
  | { type: "saved"; view: SavedPromptView; snapshot?: SharedSnapshot }
  | { type: "run"; run: PastRun }
  | { type: "background"; run: BackgroundSeed };

/** A background run opened from anywhere (History): what it asked, and its name at the server. */
export interface BackgroundSeed {
  document: PromptDoc;
  id: string;
}

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get) => ({
  savedChat: null,
  savedCompare: null,
  snapshotShown: null,
  replacedDraft: null,

  restoreReplacedDraft: () => {
    const replaced = get().replacedDraft;
    if (!replaced) return;
    if (replaced.kind === "compare") {
      get().stopAll();
      set({
        compare: replaced.compare,
        columnRuns: replaced.columnRuns,
        savedCompare: replaced.savedCompare,
        blind: null,
        replacedDraft: null,
        snapshotShown: null,
      });
      return;
    }
    get().newPrompt();
    set({
      draft: replaced.draft,
      promptText: replaced.promptText,
      attachments: replaced.attachments,
      savedChat: replaced.savedChat,
      modelSource: "user",
      replacedDraft: null,
      snapshotShown: null,
    });
  },

  dismissReplacedDraft: () => set({ replacedDraft: null }),

  dismissSnapshot: () => set({ snapshotShown: null }),

  setSaved: (kind, ref) => set(kind === "chat" ? { savedChat: ref } : { savedCompare: ref }),

  openSaved: (view, snapshot) => {
    const s = get();
    const current = view.kind === "chat" ? s.savedChat : s.savedCompare;
    if (!snapshot && current?.id === view.id && current.revision === view.revision.number) return;
    const shared = snapshot ? snapshotRuns(snapshot.results) : null;
    const shown = snapshot ? { author: snapshot.author, createdAt: snapshot.createdAt } : null;
    if (view.kind === "compare") {
      const replacedDraft =
        hasCompareWork(s.compare) && s.savedCompare?.id !== view.id
          ? {
              kind: "compare" as const,
              compare: s.compare,
              columnRuns: s.columnRuns,
              savedCompare: s.savedCompare,
            }
          : null;
      s.stopAll();
      const compare = view.document as CompareDoc;
      const columnRuns = Object.fromEntries(
        Object.entries(shared?.columnRuns ?? {}).filter(([column]) =>
          compare.columns.some((c) => c.id === column),
        ),
      );
      set({
        compare,
        columnRuns,
        runs: { ...get().runs, ...shared?.runs },
        blind: null,
        savedCompare: refOf(view),
        snapshotShown: shown,
        replacedDraft,
      });
      return;
    }
    const replacedDraft = setAside(s, view.id);
    s.newPrompt();
    const draft = view.document as PromptDoc;
    // Each shared run beside the answer it made: the answer's words are the revision's turn.
    const { runs, runByTurn } = runsBesideTurns(
      shared?.runs ?? {},
      shared?.runByTurn ?? {},
      draft.contents,
    );
    set({
      draft,
      modelSource: "user",
      savedChat: refOf(view),
      runs: { ...get().runs, ...runs },
      runByTurn,
      snapshotShown: Object.keys(runs).length > 0 ? shown : null,
      replacedDraft,
    });
  },

  openBackgroundRun: ({ document, id }) => {
    const replacedDraft = setAside(get(), null);
    get().newPrompt();
    const record: RunRecord = { ...newRunRecord(document), background: id, reattached: true };
    set((s) => ({
      draft: document,
      modelSource: "user",
      replacedDraft,
      chatRunId: record.id,
      runs: { ...s.runs, [record.id]: record },
    }));
  },

  openPastRun: ({ document, parts }) => {
    const replacedDraft = setAside(get(), null);
    get().newPrompt();
    const answer = parts.length > 0 ? [{ role: "model" as const, parts }] : [];
    set({
      draft: { ...document, contents: [...document.contents, ...answer] },
      modelSource: "user",
      replacedDraft,
    });
  },
});

/** The chat's work, if opening something else would lose it: unsaved, and not that prompt. */
function setAside(s: PlaygroundState, opening: string | null): ReplacedDraft | null {
  if (!hasWork(s) || (opening !== null && s.savedChat?.id === opening)) return null;
  return {
    kind: "chat",
    draft: s.draft,
    promptText: s.promptText,
    attachments: s.attachments,
    savedChat: s.savedChat,
  };
}
