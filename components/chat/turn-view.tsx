"use client";

import { memo, useCallback, useMemo, useRef, useState } from "react";
import { PartBlock } from "@/components/answer/part-blocks";
import { useRevealed } from "@/lib/hooks/use-reveal";
import type { Turn } from "@/lib/prompt";
import { turnText } from "@/lib/run/turns";
import { usePlayground, useTurnIsStale } from "@/lib/store";
import { ModelBody } from "./model-body";
import { TurnEditor } from "./turn-editor";
import { estimateTurnHeight } from "./turn-height";
import { TurnToolbar } from "./turn-toolbar";

interface TurnViewProps {
  /** Null for the answer still being written (see `pendingRunId`). */
  turn: Turn | null;
  index: number;
  /** Render in full at once rather than when scrolled near (turns written in this session). */
  eager: boolean;
  /** The last turn: it stays rendered in full however far away (its forms hold what was typed). */
  last?: boolean;
  pendingRunId?: string;
}

/**
 * One turn of the conversation, with its toolbar and inline editor. Memoized on the turn object,
 * which only changes when this turn is edited, so a streaming answer or a new turn re-renders
 * none of the earlier ones.
 */
export const TurnView = memo(function TurnView({
  turn,
  index,
  eager,
  last = false,
  pendingRunId,
}: TurnViewProps) {
  const [editing, setEditing] = useState(false);
  // One stable function: a restored conversation mounts this 200 times, and every store update
  // (each keystroke, each streamed chunk) runs each turn's selector.
  const editTurn = usePlayground((s) => s.editTurn);
  const rerunFrom = usePlayground((s) => s.rerunFrom);
  const text = useMemo(() => (turn ? turnText(turn) : ""), [turn]);
  // Off screen, a turn takes the room it will take (content-visibility: auto skips its layout).
  const height = useMemo(() => (turn ? estimateTurnHeight(turn) : 240), [turn]);
  const user = turn?.role === "user";
  const startEditing = useCallback(() => setEditing(true), []);
  // Turns far from the viewport stay light (plain text, no toolbar) until scrolled near, and
  // become light again once far away; the answer being written and the last turn stay.
  const self = useRef<HTMLElement>(null);
  const writing = pendingRunId !== undefined;
  const revealed = useRevealed(self, eager || writing, writing || last);

  const who = user ? "User" : "Model";
  return (
    <article
      ref={self}
      // The name a screen reader gives the turn is the one on screen.
      aria-label={`${who} turn ${index + 1}`}
      aria-busy={pendingRunId !== undefined && !turn ? true : undefined}
      data-turn={index}
      // Restored and drawn only as it comes near: its blocks lay out one by one (globals.css).
      data-approached={eager || writing ? undefined : ""}
      className="turn group flex flex-col gap-1.5 [content-visibility:auto]"
      style={{ containIntrinsicSize: `auto ${height}px` }}
    >
      {/* Sticky, so the actions stay in reach while reading a long answer. */}
      <div
        className={`sticky top-0 z-10 flex h-8 items-center gap-2 bg-background ${user ? "flex-row-reverse" : ""}`}
      >
        <span className="text-xs font-medium text-muted-foreground">{who}</span>
        {!user && <StaleMark index={index} />}
        {turn && revealed && (
          <div className="opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100">
            <TurnToolbar index={index} role={turn.role} text={text} onEdit={startEditing} />
          </div>
        )}
      </div>
      {turn && editing ? (
        <TurnEditor
          initialText={text}
          hasOtherParts={turn.parts.some((p) => p.kind !== "text" && p.kind !== "thought")}
          onCancel={() => setEditing(false)}
          onSave={(next) => {
            editTurn(index, next);
            setEditing(false);
          }}
          onSaveAndRerun={
            user
              ? (next) => {
                  editTurn(index, next);
                  setEditing(false);
                  rerunFrom(index);
                }
              : undefined
          }
        />
      ) : turn && user ? (
        <UserBody turn={turn} />
      ) : turn && !revealed ? (
        // Plain text while far: findable with Ctrl+F, and off screen content-visibility keeps
        // the size the turn had rendered (or its estimate).
        // Without ModelBody, whose store subscriptions a far-off restored turn doesn't need.
        <div className="whitespace-pre-wrap break-words">{text}</div>
      ) : (
        <ModelBody turn={turn} index={index} pendingRunId={pendingRunId} />
      )}
    </article>
  );
});

/** An answer to a conversation that has since changed above it. */
function StaleMark({ index }: { index: number }) {
  const stale = useTurnIsStale(index);
  if (!stale) return null;
  return (
    <span
      className="rounded-full border border-warning-line bg-warning-soft px-2 text-xs text-warning"
      title="A turn above was edited after this answer was written. Rerun from the edited turn to update it."
    >
      Earlier turn edited
    </span>
  );
}

function UserBody({ turn }: { turn: Turn }) {
  return (
    <div className="flex max-w-[85%] flex-col gap-2 self-end rounded-2xl bg-muted px-4 py-3">
      {turn.parts.map((part, i) =>
        part.kind === "text" || part.kind === "thought" ? (
          part.text && (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts of a turn never reorder.
            <p key={i} className="whitespace-pre-wrap break-words">
              {part.text}
            </p>
          )
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <PartBlock key={i} part={part} />
        ),
      )}
    </div>
  );
}
