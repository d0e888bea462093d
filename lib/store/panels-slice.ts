import type { SliceCreator } from "./types";

/** Which panels are open (persisted with the draft), and whether that saved state was read. */
export interface PanelsSlice {
  settingsOpen: boolean;
  systemOpen: boolean;
  /** False until the persisted draft has been read; effects that pick defaults wait for it. */
  hydrated: boolean;
  toggleSettings: () => void;
  toggleSystem: () => void;
}

export const createPanelsSlice: SliceCreator<PanelsSlice> = (set) => ({
  settingsOpen: true,
  systemOpen: true,
  hydrated: false,
  toggleSettings: () => set((s) => ({ settingsOpen: !s.settingsOpen })),
  toggleSystem: () => set((s) => ({ systemOpen: !s.systemOpen })),
});
