"use client";

import { Button } from "@/components/ui/button";
import { PanelIcon, SparkIcon } from "@/components/ui/icons";
import { useComposerActions, useSettingsActions, useSettingsOpen, useTurnCount } from "@/lib/store";

export function AppHeader({ offline }: { offline: boolean }) {
  const settingsOpen = useSettingsOpen();
  const turns = useTurnCount();
  const { toggleSettings } = useSettingsActions();
  const { clearConversation } = useComposerActions();

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
    </header>
  );
}
