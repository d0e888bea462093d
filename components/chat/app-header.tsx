"use client";

import { useCallback, useState } from "react";
import { AccountButton } from "@/components/auth/account-button";
import { GetCodeButton } from "@/components/codegen/get-code-button";
import { HistoryLink, LibraryLink } from "@/components/library/library-link";
import { RevisionsButton } from "@/components/library/revisions-button";
import { SaveButton } from "@/components/library/save-button";
import { ShareButton } from "@/components/library/share-button";
import { Button, PHONE_ICON_ONLY, WIDE_LABEL_ONLY } from "@/components/ui/button";
import { ColumnsIcon, KeyboardIcon, PanelIcon, SparkIcon } from "@/components/ui/icons";
import { useNarrow } from "@/lib/hooks/use-narrow";
import { chatDocumentToSave } from "@/lib/library/saved-draft-doc";
import {
  hasWork,
  useConversationActions,
  useDraftActions,
  useDrawerOpen,
  usePanelActions,
  usePlayground,
  usePlaygroundApi,
  useSettingsOpen,
  useTurnCount,
} from "@/lib/store";
import type { Theme } from "@/lib/theme";
import { ConfirmDialog } from "./confirm-dialog";
import { PhoneMenu } from "./phone-menu";
import { ThemeToggle } from "./theme-toggle";
import { NewIcon, TrashIcon } from "./turn-icons";

interface AppHeaderProps {
  offline: boolean;
  theme: Theme;
  onShortcuts: () => void;
}

const LABEL = PHONE_ICON_ONLY;

export function AppHeader({ offline, theme, onShortcuts }: AppHeaderProps) {
  const narrow = useNarrow();
  const settingsOpen = useSettingsOpen();
  const drawerOpen = useDrawerOpen();
  const turns = useTurnCount();
  const dirty = usePlayground(hasWork);
  const { toggleSettings, setDrawerOpen } = usePanelActions();
  const { clearConversation } = useDraftActions();
  const { newPrompt } = useConversationActions();
  const openCompare = usePlayground((s) => s.openCompare);
  const api = usePlaygroundApi();
  // The draft with the words waiting in the prompt box: what a person means by "this prompt".
  const readChatDocument = useCallback(() => {
    const s = api.getState();
    return chatDocumentToSave(s.draft, s.promptText, s.attachments);
  }, [api]);
  const [confirming, setConfirming] = useState(false);

  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-border px-4 max-sm:gap-2 max-sm:px-2">
      <SparkIcon className="size-5 shrink-0 text-primary" />
      <h1 className="truncate text-lg font-medium max-[480px]:sr-only">Gemini Playground</h1>
      {offline && (
        <span className="rounded-full border border-warning-line bg-warning-soft px-2 py-0.5 text-xs font-medium text-warning">
          Offline
        </span>
      )}
      <div className="ml-auto flex items-center gap-1 max-sm:gap-0">
        <Button
          variant="ghost"
          size="sm"
          className="max-sm:px-2"
          title="New prompt"
          onClick={() => (dirty ? setConfirming(true) : newPrompt())}
        >
          <NewIcon />
          <span className={LABEL}>New prompt</span>
        </Button>
        <Button
          variant="ghost"
          size="sm"
          className="max-sm:px-2"
          title="Clear chat"
          onClick={clearConversation}
          disabled={turns === 0}
        >
          <TrashIcon />
          <span className={LABEL}>Clear chat</span>
        </Button>
        <Button
          variant="ghost"
          size="sm"
          className="max-sm:px-2"
          title="Compare models or settings side by side, on this prompt"
          onClick={() => {
            openCompare();
            // A page load, so the saved draft (which now holds the compare setup) is written
            // as this page leaves and read by the next.
            window.location.assign("/compare");
          }}
        >
          <ColumnsIcon />
          <span className={LABEL}>Compare</span>
        </Button>
        <GetCodeButton
          shortcut
          read={readChatDocument}
          className="max-sm:hidden"
          labelClassName={WIDE_LABEL_ONLY}
        />
        <SaveButton kind="chat" />
        <ShareButton kind="chat" />
        <RevisionsButton kind="chat" />
        <LibraryLink />
        <HistoryLink />
        <ThemeToggle initial={theme} className="max-sm:hidden" />
        <AccountButton className="max-sm:hidden" />
        <PhoneMenu />
        <Button
          variant="ghost"
          size="icon"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          // A phone has no keyboard shortcuts to list; its header has no room to spare.
          className="max-sm:hidden"
          onClick={onShortcuts}
        >
          <KeyboardIcon />
        </Button>
        {narrow ? (
          <Button
            variant="ghost"
            size="sm"
            className="max-sm:px-2"
            title="Run settings"
            aria-expanded={drawerOpen}
            aria-controls="settings-panel"
            onClick={() => setDrawerOpen(!drawerOpen)}
          >
            <PanelIcon />
            {/* On a phone the header's other buttons leave it room for its icon only. */}
            <span className={LABEL}>Run settings</span>
          </Button>
        ) : (
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
        )}
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
