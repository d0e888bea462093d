"use client";

import { memo, useCallback, useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { TrashIcon } from "@/components/chat/turn-icons";
import { GetCodeButton } from "@/components/codegen/get-code-button";
import { groupRunnableModels } from "@/components/settings/model-groups";
import { ModelOptions } from "@/components/settings/model-options";
import { Button } from "@/components/ui/button";
import { CopyIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/select";
import { columnRequest, MAX_COLUMNS, MIN_COLUMNS } from "@/lib/compare/document";
import type { RunStats } from "@/lib/run/stats";
import {
  columnLastTurn,
  isColumnRunning,
  useCatalog,
  usePlayground,
  usePlaygroundApi,
} from "@/lib/store";
import { ColumnConversation } from "./column-conversation";
import { ColumnMetrics } from "./column-metrics";
import { ColumnSettings } from "./column-settings";
import { OverrideChips } from "./override-chips";

/** A footer button's text, kept as its name but not shown once the column is narrow. */
const NARROW_ICON_ONLY = "@max-md:sr-only";

interface CompareColumnProps {
  id: string;
  index: number;
  count: number;
  stats: RunStats | undefined;
  /** The figures this column is best at across the columns, space-separated. */
  best: string;
}

/** One column: its model and own settings, its conversation, its figures. */
export const CompareColumn = memo(function CompareColumn({
  id,
  index,
  count,
  stats,
  best,
}: CompareColumnProps) {
  const column = usePlayground((s) => s.compare?.columns.find((c) => c.id === id));
  const running = usePlayground((s) => isColumnRunning(s, id));
  const canRerun = usePlayground(
    (s) =>
      (s.compare?.columns.find((c) => c.id === id)?.turns.length ?? 0) > 0 ||
      columnLastTurn(s, id)?.role === "user",
  );
  const actions = usePlayground(
    useShallow((s) => ({
      setColumnModel: s.setColumnModel,
      resetColumnSetting: s.resetColumnSetting,
      rerunColumn: s.rerunColumn,
      stopColumn: s.stopColumn,
      duplicateColumn: s.duplicateColumn,
      removeColumn: s.removeColumn,
      moveColumn: s.moveColumn,
      continueInChat: s.continueInChat,
    })),
  );
  const api = usePlaygroundApi();
  // Exactly what this column's next run sends.
  const readRequest = useCallback(() => {
    const { compare } = api.getState();
    const column = compare?.columns.find((c) => c.id === id);
    return compare && column ? columnRequest(compare, column) : null;
  }, [api, id]);
  const hidden = usePlayground((s) => s.blind !== null && !s.blind.revealed);
  const picked = usePlayground((s) => s.blind?.vote === id);
  const voted = usePlayground((s) => s.blind !== null && s.blind.vote !== null);
  const answered = usePlayground(
    (s) => s.compare?.columns.find((c) => c.id === id)?.turns.at(-1)?.role === "model",
  );
  const vote = usePlayground((s) => s.vote);
  // Shuffled for blind mode, the order shown is not the setup's: moving would confuse both.
  const blindOn = usePlayground((s) => s.blind !== null);
  const catalog = useCatalog();
  const groups = useMemo(() => groupRunnableModels(catalog.models), [catalog.models]);
  const [settingsOpen, setSettingsOpen] = useState(false);
  if (!column) return null;
  const name = `Column ${index + 1}`;

  return (
    <section
      aria-label={name}
      className="@container flex min-h-0 min-w-0 snap-start flex-col gap-2 rounded-xl border border-border bg-background p-3"
    >
      <div className="flex items-center gap-2">
        <h2 className="shrink-0 text-sm font-medium">{name}</h2>
        {hidden ? (
          <p className="text-sm text-muted-foreground">Model hidden</p>
        ) : (
          <Select
            aria-label="Model"
            value={column.model}
            onChange={(e) => actions.setColumnModel(id, e.target.value)}
          >
            <ModelOptions groups={groups} current={column.model} />
          </Select>
        )}
        {picked && (
          <span className="shrink-0 rounded-full bg-primary/10 px-2 py-0.5 text-xs font-medium text-primary">
            Your pick
          </span>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-1">
        {!hidden && (
          <Button variant="secondary" size="sm" onClick={() => setSettingsOpen(true)}>
            Settings
          </Button>
        )}
        <Button
          variant="secondary"
          size="sm"
          onClick={() => actions.stopColumn(id)}
          disabled={!running}
        >
          Stop
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => actions.rerunColumn(id)}
          disabled={running || !canRerun}
        >
          Rerun
        </Button>
        {hidden && (
          <Button
            variant="primary"
            size="sm"
            onClick={() => vote(id)}
            disabled={running || !answered || voted}
          >
            Vote for this answer
          </Button>
        )}
      </div>
      {!hidden && (
        <OverrideChips column={column} onReset={(key) => actions.resetColumnSetting(id, key)} />
      )}
      <ColumnConversation columnId={id} />
      {/* Blind, the figures would give the models away (price, speed). */}
      {!hidden && <ColumnMetrics stats={stats} best={best} />}
      {!hidden && (
        <div className="flex flex-wrap items-center gap-1 border-t border-border pt-2 @max-md:gap-0 @max-md:[&>button]:px-2">
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              actions.continueInChat(id);
              // A page load: the draft is saved as this page leaves and read by the chat.
              window.location.assign("/");
            }}
          >
            Continue in chat
          </Button>
          <GetCodeButton read={readRequest} labelClassName={NARROW_ICON_ONLY} />
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Move ${name} left`}
            onClick={() => actions.moveColumn(id, -1)}
            disabled={index === 0 || blindOn}
          >
            ←
          </Button>
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Move ${name} right`}
            onClick={() => actions.moveColumn(id, 1)}
            disabled={index === count - 1 || blindOn}
          >
            →
          </Button>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => actions.duplicateColumn(id)}
            disabled={count >= MAX_COLUMNS}
            title={`Duplicate ${name}`}
          >
            <CopyIcon />
            <span className={NARROW_ICON_ONLY}>Duplicate</span>
          </Button>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => actions.removeColumn(id)}
            disabled={count <= MIN_COLUMNS}
            title={`Remove ${name}`}
          >
            <TrashIcon />
            <span className={NARROW_ICON_ONLY}>Remove</span>
          </Button>
        </div>
      )}
      {settingsOpen && (
        <ColumnSettings columnId={id} name={name} onClose={() => setSettingsOpen(false)} />
      )}
    </section>
  );
});
