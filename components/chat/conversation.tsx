"use client";

import { useEffect, useRef, useState } from "react";
import { createRevealObserver, RevealContext } from "@/lib/hooks/use-reveal";
import {
  type ScrollPosition,
  savedScrollPosition,
  turnElement,
  useScrollMemory,
} from "@/lib/hooks/use-scroll-memory";
import { useStickToBottom } from "@/lib/hooks/use-stick-to-bottom";
import { useChatRunId, useHydrated, usePlaygroundApi, useTurnCount } from "@/lib/store";
import { MessageList } from "./message-list";
import { SystemInstructions } from "./system-instructions";

/** The middle column: system instructions, then the turns and the answer being written. */
export function Conversation() {
  const { scrollRef, contentRef, pin, holdAt, following } = useStickToBottom<HTMLDivElement>();
  const [reveal] = useState(() => createRevealObserver(() => scrollRef.current));
  const store = usePlaygroundApi();
  const chatRunId = useChatRunId();
  const turns = useTurnCount();
  const hydrated = useHydrated();
  useScrollMemory(scrollRef, contentRef, following);

  // Where a restored conversation opens: where the person left it, or else at its end. Read
  // once, in the render that first shows the restored turns.
  const opening = useRef<ScrollPosition | null | undefined>(undefined);
  if (hydrated && opening.current === undefined) {
    opening.current = savedScrollPosition(store.getState().draft.contents);
  }
  const openAt = opening.current ?? null;

  useEffect(() => () => reveal.disconnect(), [reveal]);

  useEffect(() => {
    if (!hydrated) return;
    if (!openAt) return pin();
    const element = () => turnElement(contentRef.current ?? document, openAt.turn);
    holdAt({ element, offset: openAt.offset });
  }, [hydrated, openAt, pin, holdAt, contentRef]);

  // Sending a message jumps to the end and follows again.
  useEffect(() => {
    if (chatRunId) pin();
  }, [chatRunId, pin]);

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto bg-background">
      <div ref={contentRef} className="mx-auto flex max-w-3xl flex-col gap-6 px-6 py-6">
        <SystemInstructions />
        <RevealContext value={reveal}>
          <section aria-label="Conversation" className="flex flex-col gap-5">
            <MessageList openAt={openAt?.turn ?? null} />
            {turns === 0 && !chatRunId && (
              <p className="py-16 text-center text-muted-foreground">
                Type a message below and press Ctrl+Enter to see what Gemini says.
              </p>
            )}
          </section>
        </RevealContext>
      </div>
    </div>
  );
}
