export type { Catalog } from "./catalog-slice";
export type { Blind } from "./compare-blind";
export {
  columnLastTurn,
  columnsAwaitingResults,
  compareRoundResults,
  isColumnRunning,
  isCompareRunning,
  isFollowUpBlocked,
  shownOrder,
} from "./compare-reads";
export {
  createPlaygroundStore,
  type PersistedState,
  type PlaygroundStore,
  STORAGE_KEY,
} from "./create-store";
export type { PendingUpload } from "./draft-slice";
export { DEFAULT_MODEL, type ModelSource } from "./draft-slice";
export { hasWork } from "./library-slice";
export {
  PlaygroundStoreProvider,
  PlaygroundStoreScope,
  usePlayground,
  usePlaygroundApi,
} from "./provider";
export type {
  BuiltInTool,
  FunctionCallingMode,
  HarmCategory,
  HarmThreshold,
  ModelNotice,
  ScalarSetting,
} from "./run-settings-slice";
export { canSendChat, hasPromptBox, isChatRunning, type RunRecord, runById } from "./runs-slice";
export * from "./selectors";
export { hasSavedAnswers } from "./storage";
export type { PlaygroundState } from "./types";
