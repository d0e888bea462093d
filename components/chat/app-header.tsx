"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { PanelIcon, SparkIcon } from "@/components/ui/icons";
import type { PlaygroundState } from "@/lib/store";
import {
  useConversationActions,
  useDraftActions,
  usePanelActions,
  usePlayground,
  useSettingsOpen,
  useTurnCount,
} from "@/lib/store";
import { ConfirmDialog } from "./confirm-dialog";
import { NewIcon } from "./turn-icons";

/** Anything a "New prompt" would throw away. */
function hasWork(s: PlaygroundState): boolean {
  const { draft } = s;
  return (
    draft.contents.length > 0 ||
    draft.systemInstruction.trim() !== "" ||
    s.promptText.trim() !== "" ||
    s.attachments.length > 0 ||
    Object.keys(draft.config).length > 0 ||
    Object.keys(draft.tools).length > 0
  );
}

export function AppHeader({ offline }: { offline: boolean }) {
  const settingsOpen = useSettingsOpen();
  const turns = useTurnCount();
  const dirty = usePlayground(hasWork);
  const { toggleSettings } = usePanelActions();
  const { clearConversation } = useDraftActions();
  const { newPrompt } = useConversationActions();
  const [confirming, setConfirming] = useState(false);

  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-border px-4">
      <SparkIcon className="size-5 text-primary" />
      <h1 className="text-lg font-medium">Gemini Playground</h1>
      {offline && (
        <span className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800">
          Offline
        </span>
      )}
      <div className="ml-auto flex items-center gap-1">
        <Button
          variant="ghost"
          size="sm"
          onClick={() => (dirty ? setConfirming(true) : newPrompt())}
        >
          <NewIcon />
          New prompt
        </Button>
        <Button variant="ghost" size="sm" onClick={clearConversation} disabled={turns === 0}>
          Clear chat
        </Button>
        <Button
          variant="ghost"
          size="icon"
          aria-label="Settings panel"
          aria-expanded={settingsOpen}
          aria-controls="settings-panel"
          onClick={toggleSettings}
        >
          <PanelIcon />
        </Button>
      </div>
      {confirming && (
        <ConfirmDialog
          title="Start a new prompt?"
          confirmLabel="Discard and start new"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            newPrompt();
          }}
        >
          The conversation, system instructions, prompt box and run settings go back to their
          defaults. This can&apos;t be undone.
        </ConfirmDialog>
      )}
    </header>
  );
}
