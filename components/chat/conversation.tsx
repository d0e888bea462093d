"use client";

import { useEffect, useState } from "react";
import { createRevealObserver, RevealContext } from "@/lib/hooks/use-reveal";
import { useStickToBottom } from "@/lib/hooks/use-stick-to-bottom";
import { useChatRunId, useHydrated, useTurnCount } from "@/lib/store";
import { MessageList } from "./message-list";
import { SystemInstructions } from "./system-instructions";

/** The middle column: system instructions, then the turns and the answer being written. */
export function Conversation() {
  const { scrollRef, contentRef, pin } = useStickToBottom<HTMLDivElement>();
  const [reveal] = useState(() => createRevealObserver(() => scrollRef.current));
  const chatRunId = useChatRunId();
  const turns = useTurnCount();
  const hydrated = useHydrated();

  useEffect(() => () => reveal.disconnect(), [reveal]);

  // Sending a message (or restoring a saved conversation) jumps to the end and follows again.
  useEffect(() => {
    if (chatRunId || hydrated) pin();
  }, [chatRunId, hydrated, pin]);

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto">
      <div ref={contentRef} className="mx-auto flex max-w-3xl flex-col gap-6 px-6 py-6">
        <SystemInstructions />
        <RevealContext value={reveal}>
          <section aria-label="Conversation" className="flex flex-col gap-5">
            <MessageList />
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
