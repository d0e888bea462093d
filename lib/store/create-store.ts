import { type PersistOptions, persist, type StateStorage } from "zustand/middleware";
import { createStore } from "zustand/vanilla";
import type { MediaPart, PromptDoc } from "@/lib/prompt";
import { createCatalogSlice } from "./catalog-slice";
import { createConversationSlice } from "./conversation-slice";
import { createDraftSlice, type ModelSource } from "./draft-slice";
import { createPanelsSlice } from "./panels-slice";
import { createRunSettingsSlice } from "./run-settings-slice";
import { createRunsSlice } from "./runs-slice";
import { readSavedDraft } from "./saved-draft";
import { browserStorage, createDraftStorage } from "./storage";
import type { PlaygroundState } from "./types";

/** What survives a reload: the draft and preferences. Never runs, never the model catalogue. */
export interface PersistedState {
  draft: PromptDoc;
  promptText: string;
  attachments: MediaPart[];
  modelSource: ModelSource;
  settingsOpen: boolean;
  systemOpen: boolean;
}

export const STORAGE_KEY = "gemini-playground:draft";
const STORAGE_VERSION = 1;

export interface CreatePlaygroundStoreOptions {
  /** Defaults to localStorage in a browser; tests pass an in-memory one. */
  storage?: () => StateStorage | undefined;
  /** Write delay for the persisted draft, in ms. */
  persistDelayMs?: number;
}

function partialize(s: PlaygroundState): PersistedState {
  return {
    draft: s.draft,
    promptText: s.promptText,
    attachments: s.attachments,
    modelSource: s.modelSource,
    settingsOpen: s.settingsOpen,
    systemOpen: s.systemOpen,
  };
}

/**
 * Saved values are checked before use, and never overwrite what the person already changed
 * since the page loaded (typing before the saved draft was read must not be lost).
 */
function merge(
  persisted: unknown,
  current: PlaygroundState,
  initial: PlaygroundState,
): PlaygroundState {
  const saved = (persisted ?? {}) as Partial<Record<keyof PersistedState, unknown>>;
  const untouched = <K extends keyof PersistedState>(key: K) => current[key] === initial[key];
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
  };
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
  const persistOptions: PersistOptions<PlaygroundState, PersistedState> = {
    name: STORAGE_KEY,
    version: STORAGE_VERSION,
    storage: createDraftStorage<PersistedState>(
      options.storage ?? browserStorage,
      options.persistDelayMs,
    ),
    partialize,
    merge: (persisted, current) => merge(persisted, current, initial ?? current),
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
      }),
      persistOptions,
    ),
  );
  initial = store.getInitialState();
  return store;
}

export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;
