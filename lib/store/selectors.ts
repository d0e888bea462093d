import { useShallow } from "zustand/react/shallow";
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

/** The chat's latest run while it still belongs on screen outside the conversation list. */
export const usePendingChatRun = (): RunRecord | undefined =>
  usePlayground((s) => {
    const run = s.chatRunId ? s.runs[s.chatRunId] : undefined;
    return run && !run.committed ? run : undefined;
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
