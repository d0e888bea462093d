"use client";

import { useState } from "react";
import { useRunSetting, useRunSettingsActions } from "@/lib/store";
import { SettingLabel, SettingNote } from "./setting-label";
import { unsupportedReason, useModelCapabilities } from "./use-model-capabilities";

/** Gemini takes at most five (PROMPT_LIMITS.stopSequences; not imported, that would pull in zod). */
const MAX = 5;
const MAX_CHARS = 200;
const ID = "setting-stop-sequences";

/** Stop sequences as chips: type one and press Enter to add it; each chip has its own remove button. */
export function StopSequencesField() {
  const caps = useModelCapabilities();
  const sequences = useRunSetting("stopSequences") ?? [];
  const { setSetting } = useRunSettingsActions();
  const [text, setText] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const disabled = !caps.stopSequences;
  const full = sequences.length >= MAX;

  const save = (next: string[]) => setSetting("stopSequences", next.length ? next : undefined);
  const add = () => {
    // Whitespace is meaningful in a stop sequence ("\n\n"), so only an all-blank entry is refused.
    if (text.trim() === "") return;
    if (sequences.includes(text)) return setNote(`"${text}" is already in the list.`);
    save([...sequences, text]);
    setText("");
    setNote(null);
  };

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between">
        <SettingLabel htmlFor={ID}>Stop sequences</SettingLabel>
        <span className="text-xs text-muted-foreground tabular-nums">
          {sequences.length}/{MAX}
        </span>
      </div>
      <div className="flex min-h-8 flex-wrap items-center gap-1 rounded-md border border-border bg-background px-1.5 py-1 focus-within:outline-2 focus-within:outline-primary">
        {sequences.map((s, i) => (
          <span
            key={s}
            className="inline-flex max-w-full items-center gap-0.5 rounded-full bg-muted py-0.5 pr-0.5 pl-2 font-mono text-xs"
          >
            <span id={`${ID}-${i}`} className="truncate whitespace-pre">
              {s}
            </span>
            {/* Named by position, described by its text: a sequence such as "STOP" in the name
                would make this button answer to the composer's Stop. */}
            <button
              type="button"
              aria-label={`Remove sequence ${i + 1}`}
              aria-describedby={`${ID}-${i}`}
              onClick={() => save(sequences.filter((x) => x !== s))}
              className="grid size-4 place-items-center rounded-full text-muted-foreground hover:bg-border hover:text-foreground"
            >
              <span aria-hidden="true">×</span>
            </button>
          </span>
        ))}
        <input
          id={ID}
          value={text}
          maxLength={MAX_CHARS}
          disabled={disabled || full}
          placeholder={full ? "Limit reached" : "Add stop…"}
          aria-describedby={`${ID}-note`}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            } else if (e.key === "Backspace" && text === "" && sequences.length > 0) {
              save(sequences.slice(0, -1));
            }
          }}
          className="h-6 min-w-20 flex-1 bg-transparent px-1 text-sm outline-none disabled:cursor-not-allowed"
        />
      </div>
      <SettingNote id={`${ID}-note`} tone={note ? "error" : "muted"}>
        {note ?? (disabled ? unsupportedReason(caps) : `Press Enter to add; up to ${MAX}.`)}
      </SettingNote>
    </div>
  );
}
