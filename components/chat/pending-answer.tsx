"use client";

import { answerText } from "@/lib/run/reducer";
import { usePendingChatRun } from "@/lib/store";
import { AnswerBody } from "./answer-body";
import { AnswerFooter } from "./answer-footer";

/**
 * The answer of the current run until it joins the conversation: streaming live, or kept on
 * screen after an error so the partial text isn't lost. The only part of the page that
 * re-renders per chunk.
 */
export function PendingAnswer() {
  const run = usePendingChatRun();
  if (!run) return null;
  const { state } = run;
  const streaming = state.status === "streaming";
  if (!streaming && state.parts.length === 0) return null;
  return (
    <article aria-label="Answer" aria-busy={streaming} className="flex flex-col gap-2">
      {state.parts.length === 0 ? (
        <p className="animate-pulse text-sm text-muted-foreground">Thinking…</p>
      ) : (
        <AnswerBody parts={state.parts} streaming={streaming} />
      )}
      {!streaming && <AnswerFooter state={state} text={answerText(state.parts)} />}
    </article>
  );
}
