"use client";

import { memo, useState } from "react";
import { ChevronIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { latestThoughtTitle } from "@/lib/run/thought-title";
import { Markdown } from "./markdown";

interface ThoughtsProps {
  text: string;
  /** The model is still thinking: the summary says so. */
  thinking: boolean;
}

/** The model's thought summaries, folded away above the answer as AI Studio does. */
export const Thoughts = memo(function Thoughts({ text, thinking }: ThoughtsProps) {
  const [open, setOpen] = useState(false);
  const title = thinking ? latestThoughtTitle(text) : null;
  return (
    <details
      className="group rounded-lg border border-border bg-sidebar"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="flex cursor-pointer list-none items-center gap-2 px-3 py-2 text-sm text-muted-foreground select-none">
        <ChevronIcon className={cn("transition-transform", open && "rotate-90")} />
        {thinking ? "Thinking…" : "Thoughts"}
        {title && (
          <span className="min-w-0 truncate font-medium text-foreground" aria-live="polite">
            {title}
          </span>
        )}
      </summary>
      {/* Rendered only when open: long thoughts would otherwise be parsed for nothing. */}
      {open && (
        <div className="border-t border-border px-4 py-3 text-sm text-muted-foreground">
          <Markdown text={text} streaming={thinking} />
        </div>
      )}
    </details>
  );
});
