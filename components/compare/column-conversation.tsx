"use client";

import { memo, useMemo } from "react";
import { AnswerView } from "@/components/answer/answer-view";
import { FunctionResponses } from "@/components/answer/function-responses";
import { partsText } from "@/lib/compare/turn-text";
import { useCountdown } from "@/lib/hooks/use-countdown";
import { useStickToBottom } from "@/lib/hooks/use-stick-to-bottom";
import type { Turn } from "@/lib/prompt";
import { explainRefusal } from "@/lib/run/explain";
import { pendingFunctionCalls } from "@/lib/run/turns";
import { columnLastTurn, isColumnRunning, type RunRecord, usePlayground } from "@/lib/store";
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
  // Whether the run's answer is one of the turns — the last: a run joins at the end, and the
  // next one takes its place in columnRuns (a refusal or a stop before any word joins nothing).
  const answered = usePlayground((s) => {
    const run = runId ? s.runs[runId] : undefined;
    return run?.committed === true && run.state.parts.length > 0;
  });
  const { scrollRef, contentRef } = useStickToBottom<HTMLDivElement>();
  useSyncScroll(scrollRef);

  // One list, keyed by position: the run that streams at the end becomes the turn at the same
  // key when it finishes, so its answer is updated in place rather than mounted (and parsed)
  // again — in every column at once.
  const items = turns.map((turn, i) =>
    turn.role === "user" ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: a column's turns only grow at the end
      <UserTurn key={i} turn={turn} />
    ) : (
      <ModelTurn
        // biome-ignore lint/suspicious/noArrayIndexKey: as above
        key={i}
        parts={turn.parts}
        runId={answered && i === turns.length - 1 ? runId : undefined}
      />
    ),
  );
  if (runId && !answered) items.push(<ModelTurn key={turns.length} runId={runId} />);
  items.push(<ColumnFunctionResponses key="responses" columnId={columnId} />);

  return (
    <div ref={scrollRef} className="min-h-40 flex-1 overflow-y-auto">
      <div ref={contentRef} className="flex flex-col gap-3 py-2">
        {turns.length === 0 && !runId && (
          <p className="text-sm text-muted-foreground">No answer yet: Run all to start.</p>
        )}
        {items}
      </div>
    </div>
  );
});

/** The column's form for the results of the calls its model made, while they wait for them. */
function ColumnFunctionResponses({ columnId }: { columnId: string }) {
  const last = usePlayground((s) => columnLastTurn(s, columnId));
  const running = usePlayground((s) => isColumnRunning(s, columnId));
  const send = usePlayground((s) => s.sendColumnFunctionResponses);
  const calls = useMemo(() => (last ? pendingFunctionCalls([last]) : []), [last]);
  if (running || calls.length === 0) return null;
  // Keyed by the turn: the next calls get a fresh, empty form.
  return (
    <FunctionResponses
      key={calls.map((c) => c.id ?? c.name).join()}
      calls={calls}
      running={running}
      onSend={(responses) => send(columnId, responses)}
    />
  );
}

function UserTurn({ turn }: { turn: Turn }) {
  return (
    <p className="self-end rounded-2xl bg-muted px-3 py-2 text-sm whitespace-pre-wrap break-words">
      {partsText(turn.parts)}
    </p>
  );
}

/**
 * A model turn: an answer in the column's conversation, or its run (`parts` absent) while it
 * streams, or once it failed or was refused, with what arrived before and why.
 */
function ModelTurn({ parts, runId }: { parts?: Turn["parts"]; runId?: string }) {
  const run = usePlayground((s) => (runId ? s.runs[runId] : undefined));
  const state = run?.state;
  const shown = parts ?? state?.parts ?? [];
  const streaming = state?.status === "streaming";
  return (
    <>
      {shown.length > 0 && (
        <article aria-label="Answer" className="min-w-0">
          <AnswerView parts={shown} run={run} streaming={streaming} showStats={false} />
        </article>
      )}
      {streaming && shown.length === 0 && (
        <p className="text-sm text-muted-foreground">
          {state.chunks === 0 ? "Waiting for the first token…" : "Thinking…"}
        </p>
      )}
      {run && state?.status === "error" && <ColumnError run={run} />}
      {run && !streaming && state?.status !== "error" && <Refusal run={run} />}
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
