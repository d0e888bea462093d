"use client";

import { useEffect } from "react";
import { isChatRunning, usePlaygroundApi } from "@/lib/store";

/** Where a key belongs to what the person is typing, not to the page. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !["button", "checkbox", "radio", "range", "reset", "submit", "file", "color"].includes(
      target.type,
    )
  );
}

export interface ShortcutHandlers {
  /** "?" outside a text field. */
  onHelp: () => void;
}

/**
 * The page's own keys, as AI Studio users expect them: Escape stops a streaming answer (unless a
 * dialog or a field takes Escape for itself; the prompt box doesn't), Ctrl/Cmd+Z outside a text field takes back the last
 * Clear chat, Delete turn or Rerun, and "?" lists the shortcuts. Keys inside a text field stay
 * the field's: its own undo, its own Escape.
 */
export function useShortcuts({ onHelp }: ShortcutHandlers): void {
  const store = usePlaygroundApi();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const s = store.getState();
      if (e.key === "Escape") {
        // An open dialog closes first (a field that takes Escape, like the turn editor, has
        // already prevented its default).
        if (document.querySelector("dialog[open]")) return;
        if (isChatRunning(s)) {
          e.preventDefault();
          s.stop();
        }
        return;
      }
      if (isTextEntry(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "z") {
        if (s.undo()) e.preventDefault();
        return;
      }
      if (e.key === "?" && !mod && !e.altKey) {
        e.preventDefault();
        onHelp();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store, onHelp]);
}
