"use client";

import { type FormEvent, type KeyboardEvent, useState } from "react";
import { Button } from "@/components/ui/button";

interface TurnEditorProps {
  initialText: string;
  /** Whether the turn has parts besides its text, so empty text still leaves a valid turn. */
  hasOtherParts: boolean;
  onSave: (text: string) => void;
  /** Save, then run the conversation again from this turn (a user turn's edit). */
  onSaveAndRerun?: (text: string) => void;
  onCancel: () => void;
}

/** Inline editing of a turn's text: Ctrl/Cmd+Enter saves, Escape cancels. */
export function TurnEditor({
  initialText,
  hasOtherParts,
  onSave,
  onSaveAndRerun,
  onCancel,
}: TurnEditorProps) {
  const [text, setText] = useState(initialText);
  const canSave = hasOtherParts || text.trim() !== "";

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (canSave) onSave(text);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onCancel();
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      submit();
    }
  };

  return (
    <form onSubmit={submit} className="flex w-full flex-col gap-2">
      <textarea
        aria-label="Edit turn text"
        // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this turn.
        autoFocus
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        rows={3}
        className="block max-h-[60vh] min-h-20 w-full resize-y rounded-xl border border-border bg-background px-3 py-2 [field-sizing:content] focus-visible:outline-2 focus-visible:outline-primary"
      />
      <div className="flex justify-end gap-2">
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant={onSaveAndRerun ? "secondary" : "primary"}
          size="sm"
          disabled={!canSave}
        >
          Save
        </Button>
        {onSaveAndRerun && (
          <Button
            variant="primary"
            size="sm"
            disabled={!canSave}
            onClick={() => onSaveAndRerun(text)}
          >
            Save &amp; rerun
          </Button>
        )}
      </div>
    </form>
  );
}
