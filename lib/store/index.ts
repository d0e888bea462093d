export type { Catalog } from "./catalog-slice";
export type { PendingUpload } from "./composer-slice";
export { DEFAULT_MODEL, type ModelSource } from "./composer-slice";
export type {
  BuiltInTool,
  FunctionCallingMode,
  HarmCategory,
  HarmThreshold,
  ModelNotice,
  ScalarSetting,
} from "./config-slice";
export {
  createPlaygroundStore,
  type PersistedState,
  type PlaygroundStore,
  STORAGE_KEY,
} from "./create-store";
export { PlaygroundStoreProvider, usePlayground, usePlaygroundApi } from "./provider";
export { canRun, hasPromptBox, isChatRunning, type RunRecord } from "./runs-slice";
export * from "./selectors";
export type { PlaygroundState } from "./types";
