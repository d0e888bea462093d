import type { CompareDoc } from "@/lib/compare/document";
import { refOf, type SavedPromptView, type SavedRef } from "@/lib/library/saved-ref";
import type { Part, PromptDoc } from "@/lib/prompt";
import type { SliceCreator } from "./types";

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
  openSaved: (view: SavedPromptView) => void;
  /** A past run from the history becomes the chat: what was asked, and the answer. */
  openPastRun: (run: PastRun) => void;
}

/** A run as the history gives it back to the chat. */
export interface PastRun {
  document: PromptDoc;
  parts: Part[];
}

/** What a page was opened on, to become the draft once the saved one is read. */
export type PageSeed = { type: "saved"; view: SavedPromptView } | { type: "run"; run: PastRun };

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get) => ({
  savedChat: null,
  savedCompare: null,

  setSaved: (kind, ref) => set(kind === "chat" ? { savedChat: ref } : { savedCompare: ref }),

  openSaved: (view) => {
    const s = get();
    const current = view.kind === "chat" ? s.savedChat : s.savedCompare;
    if (current?.id === view.id && current.revision === view.revision.number) return;
    if (view.kind === "compare") {
      s.stopAll();
      set({
        compare: view.document as CompareDoc,
        columnRuns: {},
        blind: null,
        savedCompare: refOf(view),
      });
      return;
    }
    s.newPrompt();
    const draft = view.document as PromptDoc;
    set({ draft, modelSource: "user", savedChat: refOf(view) });
  },

  openPastRun: ({ document, parts }) => {
    get().newPrompt();
    const answer = parts.length > 0 ? [{ role: "model" as const, parts }] : [];
    set({
      draft: { ...document, contents: [...document.contents, ...answer] },
      modelSource: "user",
    });
  },
});
