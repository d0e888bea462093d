import type { SliceCreator } from "./types";

/** Preferences about the page itself; persisted with the draft. */
export interface SettingsSlice {
  settingsOpen: boolean;
  systemOpen: boolean;
  /** False until the persisted draft has been read; effects that pick defaults wait for it. */
  hydrated: boolean;
  toggleSettings: () => void;
  toggleSystem: () => void;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  settingsOpen: true,
  systemOpen: true,
  hydrated: false,
  toggleSettings: () => set((s) => ({ settingsOpen: !s.settingsOpen })),
  toggleSystem: () => set((s) => ({ systemOpen: !s.systemOpen })),
});
