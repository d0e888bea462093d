"use client";

import { useEffect, useState } from "react";
import { useUndoActions, useUndoEntry } from "@/lib/store";

/** How long the toast stays; Ctrl/Cmd+Z keeps working after it goes, until the chat changes. */
const SHOWN_MS = 10_000;

/**
 * "Turn 3 deleted · Undo": destructive conversation edits act at once and can be taken back,
 * rather than asking first. The live region is always there, so a screen reader announces the
 * message when it appears (polite, but not a `status`: that role is the run's status line).
 */
export function UndoToast() {
  const entry = useUndoEntry();
  const { undo, dismissUndo } = useUndoActions();
  const [expired, setExpired] = useState<number | null>(null);
  const id = entry?.id;

  useEffect(() => {
    if (id === undefined) return;
    const timer = setTimeout(() => setExpired(id), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [id]);

  const shown = entry !== null && expired !== entry.id;
  return (
    <div
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-24 z-40 flex justify-center px-4"
    >
      {shown && (
        <div className="pointer-events-auto flex items-center gap-3 rounded-xl bg-foreground py-2 pr-2 pl-4 text-sm text-background shadow-lg">
          <span>{entry.label}</span>
          <button
            type="button"
            onClick={undo}
            className="rounded-lg px-2 py-1 font-medium text-background underline-offset-2 hover:underline focus-visible:outline-background"
          >
            Undo
          </button>
          <button
            type="button"
            aria-label="Dismiss"
            onClick={dismissUndo}
            className="rounded-lg px-2 py-1 opacity-80 hover:opacity-100 focus-visible:outline-background"
          >
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
