"use client";

import { useRef } from "react";
import type { Turn } from "@/lib/prompt";
import { useContents, useHydrated, usePendingChatRunId } from "@/lib/store";
import { TurnView } from "./turn-view";

/** How many turns of a restored conversation render at once around where it opens (on screen). */
const EAGER_TAIL = 2;

/**
 * The conversation so far, then the answer being written — in the place its turn will take, so
 * it stays the same component when it joins the conversation. Selects `contents`, which is
 * stable while an answer streams, and nothing the prompt box changes: typing re-renders none of
 * this. Turns restored from the saved draft render when scrolled near (a long conversation opens
 * fast), except the few where it opens (`openAt`, else its end); turns written since render at
 * once. Any turn but the last goes back to plain text once far from the view (use-reveal.ts).
 */
export function MessageList({ openAt }: { openAt: number | null }) {
  const contents = useContents();
  const hydrated = useHydrated();
  const pending = usePendingChatRunId();
  const restored = useRef<WeakSet<Turn> | null>(null);
  // Turns present before or at hydration came from the saved draft (nobody typed them here).
  if (restored.current === null && (hydrated || contents.length > 0)) {
    const from = openAt ?? Math.max(0, contents.length - EAGER_TAIL);
    restored.current = new WeakSet(contents.filter((_, i) => i < from || i >= from + EAGER_TAIL));
  }
  // One keyed array: the pending answer must be a sibling of the turns, with the key its turn
  // will have, or React would remount it (and re-parse all its markdown) when it joins them.
  const items = contents.map((turn, index) => (
    <TurnView
      // biome-ignore lint/suspicious/noArrayIndexKey: a turn's position is its identity (runByTurn).
      key={index}
      turn={turn}
      index={index}
      eager={!restored.current?.has(turn)}
      last={index === contents.length - 1 && !pending}
    />
  ));
  if (pending) {
    items.push(
      <TurnView
        key={contents.length}
        turn={null}
        index={contents.length}
        eager
        pendingRunId={pending}
      />,
    );
  }
  return <>{items}</>;
}
