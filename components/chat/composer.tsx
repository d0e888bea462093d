"use client";

import { type FormEvent, type KeyboardEvent, useId } from "react";
import { Button } from "@/components/ui/button";
import { PlayIcon, StopIcon } from "@/components/ui/icons";
import {
  useCanRun,
  useComposerActions,
  useIsRunning,
  usePromptText,
  useRunActions,
} from "@/lib/store";
import { AddToChatMenu } from "./add-to-chat-menu";
import { RunStatus } from "./run-status";
import { TokenCount } from "./token-count";

/**
 * The prompt box at the bottom: Ctrl/Cmd+Enter or Run sends it, Stop ends the answer, "Add to
 * chat" files it as a turn without running. Typing changes only `promptText`, which nothing in
 * the conversation selects, so keystrokes never re-render the message list.
 */
export function Composer() {
  const countId = useId();
  const text = usePromptText();
  const canRun = useCanRun();
  const running = useIsRunning();
  const { setPromptText } = useComposerActions();
  const { run, stop } = useRunActions();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      run();
    }
  };

  return (
    <form
      onSubmit={onSubmit}
      className="rounded-2xl border border-border bg-background shadow-sm focus-within:border-primary focus-within:ring-2 focus-within:ring-primary/20"
    >
      <textarea
        aria-label="Prompt"
        aria-describedby={countId}
        value={text}
        onChange={(e) => setPromptText(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Type something… (Ctrl+Enter to run)"
        rows={2}
        className="block max-h-72 min-h-16 w-full resize-none rounded-t-2xl bg-transparent px-4 pt-3 pb-1 [field-sizing:content] focus-visible:outline-none"
      />
      <div className="flex items-center gap-2 px-3 pb-3">
        <RunStatus />
        <div className="ml-auto flex items-center gap-2">
          <TokenCount id={countId} />
          <AddToChatMenu />
          {running && (
            <Button variant="secondary" size="md" onClick={() => stop()}>
              <StopIcon />
              Stop
            </Button>
          )}
          <Button type="submit" variant="primary" size="md" disabled={!canRun}>
            <PlayIcon />
            Run
            <span aria-hidden="true" className="ml-1 text-xs opacity-75">
              Ctrl ↵
            </span>
          </Button>
        </div>
      </div>
    </form>
  );
}
