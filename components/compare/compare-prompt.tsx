"use client";

import type { KeyboardEvent } from "react";
import { useShallow } from "zustand/react/shallow";
import { partsText } from "@/lib/compare/turn-text";
import { columnsAwaitingResults, usePlayground } from "@/lib/store";

/**
 * The prompt every column gets: the shared conversation it continues (from the chat), and the
 * box whose text Run all sends — to the shared conversation the first time, then to each
 * column's own as a follow-up.
 */
export function ComparePrompt() {
  const text = usePlayground((s) => s.promptText);
  const setPromptText = usePlayground((s) => s.setPromptText);
  const runAll = usePlayground((s) => s.runAll);
  const shared = usePlayground((s) => s.compare?.shared);
  const followUp = usePlayground((s) => s.compare?.columns.some((c) => c.turns.length > 0));
  const awaiting = usePlayground(useShallow(columnsAwaitingResults));

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      runAll();
    }
  };

  const turns = shared?.contents ?? [];
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-2 px-4 pb-4">
      {(turns.length > 0 || shared?.systemInstruction) && (
        <details className="rounded-xl border border-border bg-sidebar px-3 py-2 text-sm">
          <summary className="cursor-pointer text-muted-foreground">
            Shared prompt: {turns.length === 1 ? "1 turn" : `${turns.length} turns`}
            {shared?.systemInstruction ? ", with system instructions" : ""}
          </summary>
          <ol className="mt-2 flex max-h-48 flex-col gap-2 overflow-y-auto">
            {shared?.systemInstruction && (
              <li className="whitespace-pre-wrap break-words">
                <span className="font-medium">System: </span>
                {shared.systemInstruction}
              </li>
            )}
            {turns.map((turn, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the shared turns only grow at the end
              <li key={i} className="whitespace-pre-wrap break-words">
                <span className="font-medium">{turn.role === "user" ? "User: " : "Model: "}</span>
                {partsText(turn.parts)}
              </li>
            ))}
          </ol>
        </details>
      )}
      <textarea
        aria-label="Prompt"
        value={text}
        onChange={(e) => setPromptText(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={
          followUp
            ? "A follow-up for every column… (Ctrl+Enter to run all)"
            : "Type a prompt for every column… (Ctrl+Enter to run all)"
        }
        rows={2}
        className="block max-h-60 min-h-16 w-full resize-none rounded-2xl border border-border bg-background px-4 py-3 shadow-sm [field-sizing:content] focus-visible:border-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-primary/20"
      />
      {awaiting.length > 0 && (
        <p role="status" className="text-sm text-muted-foreground">
          {awaitingText(awaiting)}
        </p>
      )}
    </div>
  );
}

/** Which columns a follow-up must wait for, and what lets it through. */
function awaitingText(columns: readonly number[]): string {
  const names =
    columns.length === 1
      ? `Column ${columns[0]} waits`
      : `Columns ${columns.slice(0, -1).join(", ")} and ${columns.at(-1)} wait`;
  return `${names} for function results: send them in the column before a follow-up, or rerun it.`;
}
