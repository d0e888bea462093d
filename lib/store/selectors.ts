import { useShallow } from "zustand/react/shallow";
import type { RunConfig, ToolsConfig } from "@/lib/prompt/config";
import { usePlayground } from "./provider";
import type { RunRecord } from "./runs-slice";
import { canRun, isChatRunning } from "./runs-slice";

/** Small hooks over narrow selectors, so components never subscribe to the whole store. */

export const useDraftModel = () => usePlayground((s) => s.draft.model);
export const useSystemInstruction = () => usePlayground((s) => s.draft.systemInstruction);
export const useTemperature = () => usePlayground((s) => s.draft.config.temperature);
export const usePromptText = () => usePlayground((s) => s.promptText);
export const useContents = () => usePlayground((s) => s.draft.contents);
export const useTurnCount = () => usePlayground((s) => s.draft.contents.length);
export const useCatalog = () => usePlayground((s) => s.catalog);
export const useSettingsOpen = () => usePlayground((s) => s.settingsOpen);
export const useSystemOpen = () => usePlayground((s) => s.systemOpen);
export const useHydrated = () => usePlayground((s) => s.hydrated);

export const useChatRunId = () => usePlayground((s) => s.chatRunId);
export const useIsRunning = () => usePlayground(isChatRunning);
export const useCanRun = () => usePlayground(canRun);
export const useRunRecord = (runId: string | null | undefined): RunRecord | undefined =>
  usePlayground((s) => (runId ? s.runs[runId] : undefined));
export const useRunIdForTurn = (index: number) => usePlayground((s) => s.runByTurn[index]);

/**
 * The chat's latest run while it is not (yet) a turn of the conversation: streaming, or failed
 * with partial output worth keeping on screen. An id, so each streamed chunk doesn't re-render
 * whoever lists it.
 */
export const usePendingChatRunId = (): string | null =>
  usePlayground((s) => {
    const run = s.chatRunId ? s.runs[s.chatRunId] : undefined;
    if (!run || run.committed) return null;
    return run.state.status === "streaming" || run.state.parts.length > 0 ? run.id : null;
  });

/** Actions are stable functions; picking them never causes a re-render. */
export const useComposerActions = () =>
  usePlayground(
    useShallow((s) => ({
      setPromptText: s.setPromptText,
      setModel: s.setModel,
      setSystemInstruction: s.setSystemInstruction,
      setTemperature: s.setTemperature,
      clearConversation: s.clearConversation,
    })),
  );

export const useRunActions = () =>
  usePlayground(useShallow((s) => ({ run: s.run, retry: s.retry, stop: s.stop })));

export const useSettingsActions = () =>
  usePlayground(
    useShallow((s) => ({ toggleSettings: s.toggleSettings, toggleSystem: s.toggleSystem })),
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

export const useConfigActions = () =>
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
