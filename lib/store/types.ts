import type { StateCreator } from "zustand";
import type { CatalogSlice } from "./catalog-slice";
import type { ComposerSlice } from "./composer-slice";
import type { RunsSlice } from "./runs-slice";
import type { SettingsSlice } from "./settings-slice";

/** The whole playground state: the union of its slices, each written against the whole. */
export type PlaygroundState = ComposerSlice & RunsSlice & SettingsSlice & CatalogSlice;

export type SliceCreator<T> = StateCreator<PlaygroundState, [["zustand/persist", unknown]], [], T>;
