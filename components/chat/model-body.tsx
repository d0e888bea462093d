"use client";

import { useMemo } from "react";
import { AnswerView } from "@/components/answer/answer-view";
import { FunctionResponses } from "@/components/answer/function-responses";
import type { FunctionCallPart, Turn } from "@/lib/prompt";
import { pendingFunctionCalls } from "@/lib/run/turns";
import {
  isChatRunning,
  useConversationActions,
  useIsRunning,
  usePlayground,
  useRunIdForTurn,
  useRunRecord,
} from "@/lib/store";

interface ModelBodyProps {
  /** The committed turn; null while its run is still pending. */
  turn: Turn | null;
  index: number;
  /** The chat run that will become this turn, while it streams (or failed and wasn't added). */
  pendingRunId?: string;
}

/**
 * A model turn's content. The same component renders the answer while it streams and after it
 * joins the conversation, at the same place in the tree, so finishing an answer re-renders only
 * what changed instead of mounting (and re-parsing) all of it again.
 */
export function ModelBody({ turn, index, pendingRunId }: ModelBodyProps) {
  const pending = useRunRecord(pendingRunId);
  const committed = useRunRecord(useRunIdForTurn(index));
  const run = pending ?? committed;
  const streaming = pending?.state.status === "streaming";
  const parts = run ? run.state.parts : turn?.parts;

  // Only the last turn can be waiting for function results, and not while a run streams.
  const last = usePlayground((s) => index === s.draft.contents.length - 1 && !isChatRunning(s));
  const calls = useMemo(() => (turn && last ? pendingFunctionCalls([turn]) : []), [last, turn]);

  if (!parts || parts.length === 0) {
    return streaming ? (
      <p className="animate-pulse text-sm text-muted-foreground">Thinking…</p>
    ) : null;
  }
  return (
    <>
      <AnswerView parts={parts} run={run} streaming={streaming} />
      {calls.length > 0 && <ChatFunctionResponses key={index} calls={calls} />}
    </>
  );
}

/** The chat's form for the results of the calls its last turn made. */
function ChatFunctionResponses({ calls }: { calls: FunctionCallPart[] }) {
  const { sendFunctionResponses } = useConversationActions();
  const running = useIsRunning();
  return <FunctionResponses calls={calls} running={running} onSend={sendFunctionResponses} />;
}
