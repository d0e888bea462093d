import type { StateCreator } from "zustand";
import type { CatalogSlice } from "./catalog-slice";
import type { ComposerSlice } from "./composer-slice";
import type { ConfigSlice } from "./config-slice";
import type { ConversationSlice } from "./conversation-slice";
import type { RunsSlice } from "./runs-slice";
import type { SettingsSlice } from "./settings-slice";

/** The whole playground state: the union of its slices, each written against the whole. */
export type PlaygroundState = ComposerSlice &
  ConfigSlice &
  ConversationSlice &
  RunsSlice &
  SettingsSlice &
  CatalogSlice;

export type SliceCreator<T> = StateCreator<PlaygroundState, [["zustand/persist", unknown]], [], T>;
