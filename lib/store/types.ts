import type { StateCreator } from "zustand";
import type { CatalogSlice } from "./catalog-slice";
import type { CompareSlice } from "./compare-slice";
import type { ConversationSlice } from "./conversation-slice";
import type { DraftSlice } from "./draft-slice";
import type { LibrarySlice } from "./library-slice";
import type { PanelsSlice } from "./panels-slice";
import type { RunSettingsSlice } from "./run-settings-slice";
import type { RunsSlice } from "./runs-slice";
import type { TabSyncSlice } from "./tab-sync-slice";
import type { UndoSlice } from "./undo-slice";

/** The whole playground state: the union of its slices, each written against the whole. */
export type PlaygroundState = DraftSlice &
  RunSettingsSlice &
  ConversationSlice &
  RunsSlice &
  PanelsSlice &
  CatalogSlice &
  UndoSlice &
  TabSyncSlice &
  CompareSlice &
  LibrarySlice;

export type SliceCreator<T> = StateCreator<PlaygroundState, [["zustand/persist", unknown]], [], T>;
