"use client";

import { useId, useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { wordDiff } from "@/lib/compare/word-diff";
import { answerText } from "@/lib/run/reducer";
import { shownOrder, usePlayground } from "@/lib/store";

/** Each shown column's latest answer as text, in the order the columns are shown. */
function useAnswers(): { label: string; text: string }[] {
  // Strings, compared one by one: a new object per column on every update would never settle.
  const texts = usePlayground(
    useShallow((s) =>
      shownOrder(s).map((id) => {
        const turns = s.compare?.columns.find((c) => c.id === id)?.turns ?? [];
        const last = turns.findLast((t) => t.role === "model");
        return last ? answerText(last.parts) : "";
      }),
    ),
  );
  return useMemo(() => texts.map((text, i) => ({ label: `Column ${i + 1}`, text })), [texts]);
}

/** Word by word, what one column's answer has that another's doesn't. */
export function DiffDialog({ onClose }: { onClose: () => void }) {
  const answers = useAnswers();
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(Math.min(1, answers.length - 1));
  const fromId = useId();
  const toId = useId();
  const pieces = useMemo(
    () => wordDiff(answers[from]?.text ?? "", answers[to]?.text ?? ""),
    [answers, from, to],
  );

  const picker = (id: string, label: string, value: number, onChange: (v: number) => void) => (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <Select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {answers.map((a, i) => (
          <option key={a.label} value={i}>
            {a.label}
          </option>
        ))}
      </Select>
    </div>
  );

  return (
    <Dialog
      open
      onClose={onClose}
      title="Diff of two answers"
      description="Words only in the second answer are marked as added, words only in the first as removed."
      className="w-[min(60rem,calc(100vw-2rem))]"
      footer={
        <Button variant="primary" size="sm" onClick={onClose}>
          Close
        </Button>
      }
    >
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap gap-4">
          {picker(fromId, "From", from, setFrom)}
          {picker(toId, "To", to, setTo)}
        </div>
        {pieces === null ? (
          <p className="text-sm text-warning">
            These answers differ too much for a word-by-word diff.
          </p>
        ) : (
          <section
            aria-label="Word diff"
            className="max-h-[60vh] overflow-y-auto rounded-lg border border-border p-3 text-sm whitespace-pre-wrap break-words"
          >
            {pieces.map((piece, i) =>
              piece.change === "added" ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: a diff is drawn whole each time
                <ins key={i} className="bg-success-soft text-success no-underline">
                  {piece.text}
                </ins>
              ) : piece.change === "removed" ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: as above
                <del key={i} className="bg-danger-soft text-danger">
                  {piece.text}
                </del>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: as above
                <span key={i}>{piece.text}</span>
              ),
            )}
          </section>
        )}
      </div>
    </Dialog>
  );
}
