"use client";

import { ThemeToggle } from "@/components/chat/theme-toggle";
import { Button } from "@/components/ui/button";
import { ColumnsIcon, PlayIcon, StopIcon } from "@/components/ui/icons";
import { MAX_COLUMNS } from "@/lib/compare/document";
import { isCompareRunning, usePlayground } from "@/lib/store";
import type { Theme } from "@/lib/theme";

interface CompareHeaderProps {
  offline: boolean;
  theme: Theme;
}

/** The compare page's bar: back to the chat, and what acts on every column at once. */
export function CompareHeader({ offline, theme }: CompareHeaderProps) {
  const columns = usePlayground((s) => s.compare?.columns.length ?? 0);
  const running = usePlayground(isCompareRunning);
  const addColumn = usePlayground((s) => s.addColumn);
  const runAll = usePlayground((s) => s.runAll);
  const stopAll = usePlayground((s) => s.stopAll);

  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-border px-4 max-sm:gap-2 max-sm:px-2">
      <ColumnsIcon className="size-5 shrink-0 text-primary" />
      <h1 className="truncate text-lg font-medium">Compare</h1>
      {offline && (
        <span className="rounded-full border border-warning-line bg-warning-soft px-2 py-0.5 text-xs font-medium text-warning">
          Offline
        </span>
      )}
      <a href="/" className="text-sm text-primary hover:underline">
        Back to chat
      </a>
      <div className="ml-auto flex items-center gap-1">
        <Button
          variant="ghost"
          size="sm"
          onClick={addColumn}
          disabled={columns >= MAX_COLUMNS}
          title={columns >= MAX_COLUMNS ? `At most ${MAX_COLUMNS} columns` : undefined}
        >
          Add column
        </Button>
        <Button variant="secondary" size="sm" onClick={stopAll} disabled={!running}>
          <StopIcon />
          Stop all
        </Button>
        <Button
          variant="primary"
          size="sm"
          onClick={runAll}
          disabled={running}
          title="Run every column (Ctrl+Enter)"
        >
          <PlayIcon />
          Run all
        </Button>
        <ThemeToggle initial={theme} />
      </div>
    </header>
  );
}
