import { useShallow } from "zustand/react/shallow";
import type { RunConfig, ToolsConfig } from "@/lib/prompt/config";
import { usePlayground } from "./provider";
import { canSendChat, isChatRunning, type RunRecord, runById } from "./runs-slice";
import { applicableUndo } from "./undo-slice";

/** Small hooks over narrow selectors, so components never subscribe to the whole store. */

export const useDraftModel = () => usePlayground((s) => s.draft.model);
export const useSystemInstruction = () => usePlayground((s) => s.draft.systemInstruction);
export const useTemperature = () => usePlayground((s) => s.draft.config.temperature);
export const usePromptText = () => usePlayground((s) => s.promptText);
export const useContents = () => usePlayground((s) => s.draft.contents);
export const useTurnCount = () => usePlayground((s) => s.draft.contents.length);
export const useCatalog = () => usePlayground((s) => s.catalog);
export const useSettingsOpen = () => usePlayground((s) => s.settingsOpen);
export const useDrawerOpen = () => usePlayground((s) => s.drawerOpen);
export const useSystemOpen = () => usePlayground((s) => s.systemOpen);
export const useHydrated = () => usePlayground((s) => s.hydrated);

export const useChatRunId = () => usePlayground((s) => s.chatRunId);
export const useIsRunning = () => usePlayground(isChatRunning);
export const useCanSendChat = () => usePlayground(canSendChat);
export const useRunIdForTurn = (index: number) => usePlayground((s) => s.runByTurn[index]);
export const useTurnIsStale = (index: number) => usePlayground((s) => s.staleTurns.includes(index));
export const useLastTurnRole = () => usePlayground((s) => s.draft.contents.at(-1)?.role);
/** Files still on their way to the server (refused ones are not counted: they wait for nobody). */
export const useUploadingCount = () =>
  usePlayground((s) => s.uploads.filter((u) => u.error === undefined).length);

/*
 * Runs are read by id, never as "the" run: the chat passes `chatRunId`, and a view of several
 * runs (compare's columns) passes each of its ids to the same hooks.
 */

/** The whole record: re-renders on every chunk, which is what an answer that streams wants. */
export const useRunRecord = (runId: string | null | undefined): RunRecord | undefined =>
  usePlayground((s) => runById(s, runId));
/**
 * What a component shows of one run, compared shallowly: it re-renders when that changes, not
 * on every chunk. `view` receives `undefined` while there is no such run.
 */
export const useRunView = <T>(
  runId: string | null | undefined,
  view: (run: RunRecord | undefined) => T,
): T => usePlayground(useShallow((s) => view(runById(s, runId))));

/**
 * The chat's latest run while it is not (yet) a turn of the conversation: streaming, or failed
 * with partial output worth keeping on screen. An id, so each streamed chunk doesn't re-render
 * whoever lists it.
 */
export const usePendingChatRunId = (): string | null =>
  usePlayground((s) => {
    const run = runById(s, s.chatRunId);
    if (!run || run.committed) return null;
    return run.state.status === "streaming" || run.state.parts.length > 0 ? run.id : null;
  });

/** Actions are stable functions; picking them never causes a re-render. */
export const useDraftActions = () =>
  usePlayground(
    useShallow((s) => ({
      setPromptText: s.setPromptText,
      setSystemInstruction: s.setSystemInstruction,
      setTemperature: s.setTemperature,
      clearConversation: s.clearConversation,
    })),
  );

export const useRunActions = () =>
  usePlayground(useShallow((s) => ({ run: s.run, retry: s.retry, stop: s.stop })));

export const usePanelActions = () =>
  usePlayground(
    useShallow((s) => ({
      toggleSettings: s.toggleSettings,
      setDrawerOpen: s.setDrawerOpen,
      toggleSystem: s.toggleSystem,
    })),
  );

export const useConversationActions = () =>
  usePlayground(
    useShallow((s) => ({
      editTurn: s.editTurn,
      deleteTurn: s.deleteTurn,
      switchTurnRole: s.switchTurnRole,
      rerunFrom: s.rerunFrom,
      addPromptToChat: s.addPromptToChat,
      sendFunctionResponses: s.sendFunctionResponses,
      newPrompt: s.newPrompt,
    })),
  );

/** Run settings: each control reads only its own value. */
export const useRunSetting = <K extends keyof RunConfig>(key: K) =>
  usePlayground((s) => s.draft.config[key]);
export const useToolSetting = <K extends keyof ToolsConfig>(key: K) =>
  usePlayground((s) => s.draft.tools[key]);
export const useDraftModelInfo = () =>
  usePlayground((s) => s.catalog.models.find((m) => m.id === s.draft.model));
export const useModelNotice = () => usePlayground((s) => s.modelNotice);

export const useRunSettingsActions = () =>
  usePlayground(
    useShallow((s) => ({
      changeModel: s.changeModel,
      dismissModelNotice: s.dismissModelNotice,
      setSetting: s.setSetting,
      setThinking: s.setThinking,
      setSafetyThreshold: s.setSafetyThreshold,
      setResponseMimeType: s.setResponseMimeType,
      setStructuredOutput: s.setStructuredOutput,
      setResponseSchema: s.setResponseSchema,
      setBuiltInTool: s.setBuiltInTool,
      setFunctionCalling: s.setFunctionCalling,
      setFunctionDeclarations: s.setFunctionDeclarations,
      setFunctionCallingMode: s.setFunctionCallingMode,
      setAllowedFunctionNames: s.setAllowedFunctionNames,
      resetRunSettings: s.resetRunSettings,
    })),
  );

/** The last destructive action while it can still be taken back. */
export const useUndoEntry = () => usePlayground(applicableUndo);
export const useUndoActions = () =>
  usePlayground(useShallow((s) => ({ undo: s.undo, dismissUndo: s.dismissUndo })));
