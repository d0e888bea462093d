"use client";

import { ChevronIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { useDraftActions, usePanelActions, useSystemInstruction, useSystemOpen } from "@/lib/store";

/** The system instruction, as a foldable block at the top of the conversation. */
export function SystemInstructions() {
  const text = useSystemInstruction();
  const open = useSystemOpen();
  const { setSystemInstruction } = useDraftActions();
  const { toggleSystem } = usePanelActions();

  return (
    <section className="overflow-hidden rounded-xl border border-border bg-sidebar">
      <div className="flex items-center gap-1 px-2 py-1.5">
        <button
          type="button"
          onClick={toggleSystem}
          aria-expanded={open}
          aria-controls="system-instructions"
          aria-label={open ? "Hide instructions" : "Show instructions"}
          className="rounded-md p-1 text-muted-foreground hover:bg-muted"
        >
          <ChevronIcon className={cn("transition-transform", open && "rotate-90")} />
        </button>
        <label htmlFor="system-instructions" className="text-sm font-medium">
          System instructions
        </label>
        {!open && text && (
          <span className="ml-2 min-w-0 flex-1 truncate text-sm text-muted-foreground">{text}</span>
        )}
      </div>
      <textarea
        id="system-instructions"
        hidden={!open}
        value={text}
        onChange={(e) => setSystemInstruction(e.target.value)}
        placeholder="Optional tone and style instructions for the model"
        rows={2}
        className="block max-h-64 min-h-14 w-full resize-none border-t border-border bg-background px-4 py-3 text-sm [field-sizing:content] focus-visible:outline-offset-[-2px]"
      />
    </section>
  );
}
