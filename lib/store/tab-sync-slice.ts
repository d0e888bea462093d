import type { SliceCreator } from "./types";

/** What the store asks of the persisted draft when another tab changes it (create-store.ts). */
export interface TabSync {
  /** Load what the other tab saved, replacing this tab's draft. */
  adopt: () => void;
  /** Save this tab's draft over the other tab's. */
  keep: () => void;
}

/**
 * One draft, several tabs. A tab with nothing unsaved follows the other tab's changes as they
 * are saved; a tab with changes of its own (or an answer streaming) is told instead, and the
 * person picks which version stays. Never does one tab overwrite the other without a word.
 */
export interface TabSyncSlice {
  /** Another tab saved this draft while this one had changes of its own. */
  otherTabChanged: boolean;
  resolveOtherTab: (choice: "theirs" | "mine") => void;
}

export function createTabSyncSlice(sync: TabSync): SliceCreator<TabSyncSlice> {
  return (set) => ({
    otherTabChanged: false,
    resolveOtherTab: (choice) => {
      set({ otherTabChanged: false });
      if (choice === "theirs") sync.adopt();
      else sync.keep();
    },
  });
}
