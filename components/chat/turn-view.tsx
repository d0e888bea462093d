"use client";

import { memo } from "react";
import type { Turn } from "@/lib/prompt";
import { answerText } from "@/lib/run/reducer";
import { useRunIdForTurn, useRunRecord } from "@/lib/store";
import { AnswerBody } from "./answer-body";
import { AnswerFooter } from "./answer-footer";
import { PartBlock } from "./part-blocks";

/**
 * One finished turn. Memoized on the turn object, which never changes once in the conversation,
 * so a streaming answer or a new turn re-renders none of the earlier ones.
 */
export const TurnView = memo(function TurnView({ turn, index }: { turn: Turn; index: number }) {
  return turn.role === "user" ? <UserTurn turn={turn} /> : <ModelTurn turn={turn} index={index} />;
});

function UserTurn({ turn }: { turn: Turn }) {
  return (
    <article aria-label="You" className="turn flex justify-end">
      <div className="flex max-w-[85%] flex-col gap-2 rounded-2xl bg-muted px-4 py-3">
        {turn.parts.map((part, i) =>
          part.kind === "text" || part.kind === "thought" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts of a stored turn never reorder.
            <p key={i} className="whitespace-pre-wrap break-words">
              {part.text}
            </p>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above.
            <PartBlock key={i} part={part} />
          ),
        )}
      </div>
    </article>
  );
}

function ModelTurn({ turn, index }: { turn: Turn; index: number }) {
  const run = useRunRecord(useRunIdForTurn(index));
  return (
    <article aria-label="Answer" className="turn flex flex-col gap-2">
      <AnswerBody parts={turn.parts} />
      <AnswerFooter state={run?.state} text={answerText(turn.parts)} />
    </article>
  );
}
