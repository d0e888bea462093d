"use client";

import { memo } from "react";
import { AnswerView } from "@/components/answer/answer-view";
import { partsText } from "@/lib/compare/turn-text";
import { useCountdown } from "@/lib/hooks/use-countdown";
import { useStickToBottom } from "@/lib/hooks/use-stick-to-bottom";
import type { Turn } from "@/lib/prompt";
import { explainRefusal } from "@/lib/run/explain";
import { type RunRecord, usePlayground } from "@/lib/store";
import { useSyncScroll } from "./sync-scroll";

const NO_TURNS: Turn[] = [];

/**
 * One column's own conversation: its answers and the follow-ups between them, then the run in
 * progress (or the one that failed, with its partial answer and why). Follows the end while an
 * answer streams, unless the person scrolled up to read.
 */
export const ColumnConversation = memo(function ColumnConversation({
  columnId,
}: {
  columnId: string;
}) {
  const turns = usePlayground(
    (s) => s.compare?.columns.find((c) => c.id === columnId)?.turns ?? NO_TURNS,
  );
  const runId = usePlayground((s) => s.columnRuns[columnId]);
  const committed = usePlayground((s) => (runId ? s.runs[runId]?.committed : undefined));
  const lastRun = usePlayground((s) => (runId && committed ? s.runs[runId] : undefined));
  const { scrollRef, contentRef } = useStickToBottom<HTMLDivElement>();
  useSyncScroll(scrollRef);
  const lastModel = turns.findLastIndex((t) => t.role === "model");

  return (
    <div ref={scrollRef} className="min-h-40 flex-1 overflow-y-auto">
      <div ref={contentRef} className="flex flex-col gap-3 py-2">
        {turns.length === 0 && !runId && (
          <p className="text-sm text-muted-foreground">No answer yet: Run all to start.</p>
        )}
        {turns.map((turn, i) =>
          turn.role === "user" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a column's turns only grow at the end
            <UserTurn key={i} turn={turn} />
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <article key={i} aria-label="Answer" className="min-w-0">
              <AnswerView
                parts={turn.parts}
                run={i === lastModel ? lastRun : undefined}
                showStats={false}
              />
            </article>
          ),
        )}
        {runId && committed === false && <LiveRun runId={runId} />}
      </div>
    </div>
  );
});

function UserTurn({ turn }: { turn: Turn }) {
  return (
    <p className="self-end rounded-2xl bg-muted px-3 py-2 text-sm whitespace-pre-wrap break-words">
      {partsText(turn.parts)}
    </p>
  );
}

/** The column's run that is not (yet) a turn: streaming, or failed with what arrived before. */
function LiveRun({ runId }: { runId: string }) {
  const run = usePlayground((s) => s.runs[runId]);
  if (!run) return null;
  const { state } = run;
  const streaming = state.status === "streaming";
  return (
    <>
      {state.parts.length > 0 && (
        <article aria-label="Answer" className="min-w-0">
          <AnswerView parts={state.parts} run={run} streaming={streaming} showStats={false} />
        </article>
      )}
      {streaming && state.parts.length === 0 && (
        <p className="text-sm text-muted-foreground">
          {state.chunks === 0 ? "Waiting for the first token…" : "Thinking…"}
        </p>
      )}
      {state.status === "error" && <ColumnError run={run} />}
      {state.status !== "streaming" && state.status !== "error" && <Refusal run={run} />}
    </>
  );
}

function Refusal({ run }: { run: RunRecord }) {
  const refusal = explainRefusal(run.state);
  if (!refusal) return null;
  return (
    <p
      role="alert"
      className="rounded-xl border border-warning-line bg-warning-soft px-3 py-2 text-sm text-warning"
    >
      {refusal}
    </p>
  );
}

/** Why this column's run failed; the other columns never see it. */
function ColumnError({ run }: { run: RunRecord }) {
  const error = run.state.error;
  const after = error?.retryAfterMs;
  const secondsLeft = useCountdown(
    after !== undefined ? (run.endedAt ?? run.startedAt) + after : undefined,
  );
  if (!error) return null;
  return (
    <div
      role="alert"
      className="rounded-xl border border-danger-line bg-danger-soft px-3 py-2 text-sm text-danger"
    >
      <p className="break-words">{error.message}</p>
      {secondsLeft > 0 && <p className="mt-1 font-medium">Rerun in {secondsLeft} s</p>}
    </div>
  );
}
