import type { SliceCreator } from "./types";

/** Which panels are open (persisted with the draft), and whether that saved state was read. */
export interface PanelsSlice {
  settingsOpen: boolean;
  /** On a narrow screen the settings are a drawer, closed until asked for (never persisted). */
  drawerOpen: boolean;
  systemOpen: boolean;
  /** False until the persisted draft has been read; effects that pick defaults wait for it. */
  hydrated: boolean;
  toggleSettings: () => void;
  setDrawerOpen: (open: boolean) => void;
  toggleSystem: () => void;
}

export const createPanelsSlice: SliceCreator<PanelsSlice> = (set) => ({
  settingsOpen: true,
  drawerOpen: false,
  systemOpen: true,
  hydrated: false,
  toggleSettings: () => set((s) => ({ settingsOpen: !s.settingsOpen })),
  setDrawerOpen: (drawerOpen) => set({ drawerOpen }),
  toggleSystem: () => set((s) => ({ systemOpen: !s.systemOpen })),
});
