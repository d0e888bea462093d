"use client";

import { AccountButton } from "@/components/auth/account-button";
import { ThemeToggle } from "@/components/chat/theme-toggle";
import { PlusIcon } from "@/components/chat/turn-icons";
import { RevisionsButton } from "@/components/library/revisions-button";
import { SaveButton } from "@/components/library/save-button";
import { ShareButton } from "@/components/library/share-button";
import { Button, PHONE_ICON_ONLY } from "@/components/ui/button";
import { BackIcon, ColumnsIcon, PlayIcon, StopIcon } from "@/components/ui/icons";
import { MAX_COLUMNS } from "@/lib/compare/document";
import { isCompareRunning, isFollowUpBlocked, usePlayground } from "@/lib/store";
import type { Theme } from "@/lib/theme";

interface CompareHeaderProps {
  offline: boolean;
  theme: Theme;
}

/** The compare page's bar: back to the chat, and what acts on every column at once. */
export function CompareHeader({ offline, theme }: CompareHeaderProps) {
  const columns = usePlayground((s) => s.compare?.columns.length ?? 0);
  const running = usePlayground(isCompareRunning);
  const blocked = usePlayground(isFollowUpBlocked);
  const addColumn = usePlayground((s) => s.addColumn);
  const runAll = usePlayground((s) => s.runAll);
  const stopAll = usePlayground((s) => s.stopAll);

  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-border px-4 max-sm:gap-2 max-sm:px-2">
      <ColumnsIcon className="size-5 shrink-0 text-primary" />
      <h1 className="truncate text-lg font-medium max-[480px]:sr-only">Compare</h1>
      {offline && (
        <span className="rounded-full border border-warning-line bg-warning-soft px-2 py-0.5 text-xs font-medium text-warning">
          Offline
        </span>
      )}
      <a
        href="/"
        title="Back to chat"
        className="flex shrink-0 items-center gap-1 text-sm text-primary hover:underline"
      >
        <BackIcon />
        <span className={PHONE_ICON_ONLY}>Back to chat</span>
      </a>
      <div className="ml-auto flex items-center gap-1 max-sm:gap-0">
        <Button
          variant="ghost"
          size="sm"
          onClick={addColumn}
          disabled={columns >= MAX_COLUMNS}
          title={columns >= MAX_COLUMNS ? `At most ${MAX_COLUMNS} columns` : "Add column"}
        >
          <PlusIcon />
          <span className={PHONE_ICON_ONLY}>Add column</span>
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={stopAll}
          disabled={!running}
          title="Stop every column"
        >
          <StopIcon />
          <span className={PHONE_ICON_ONLY}>Stop all</span>
        </Button>
        <Button
          variant="primary"
          size="sm"
          onClick={runAll}
          disabled={running || blocked}
          title={
            blocked
              ? "A column waits for its function results: send them there first"
              : "Run every column (Ctrl+Enter)"
          }
        >
          <PlayIcon />
          <span className={PHONE_ICON_ONLY}>Run all</span>
        </Button>
        <SaveButton kind="compare" />
        <ShareButton kind="compare" />
        <RevisionsButton kind="compare" />
        <ThemeToggle initial={theme} />
        <AccountButton />
      </div>
    </header>
  );
}
