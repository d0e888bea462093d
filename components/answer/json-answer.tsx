"use client";

import { useMemo } from "react";
import { CheckIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { checkJsonAnswer, describeVerdict } from "@/lib/run/json-answer";
import { Pre } from "./card";
import { fenced } from "./code-execution";
import { Markdown } from "./markdown";

interface JsonAnswerProps {
  text: string;
  /** The run's response schema; without one only well-formedness is checked. */
  schema?: Record<string, unknown>;
}

/**
 * A structured-output answer: formatted, highlighted, and checked against the run's response
 * schema (loaded on demand with the validator, which only JSON answers need).
 */
export default function JsonAnswer({ text, schema }: JsonAnswerProps) {
  const verdict = useMemo(() => checkJsonAnswer(text, schema), [text, schema]);
  const ok = verdict.kind === "valid" || verdict.kind === "unchecked";
  const words = describeVerdict(verdict);
  return (
    <div className="flex flex-col gap-2">
      <p
        title={verdict.kind === "unchecked" ? verdict.message : words}
        className={cn(
          "inline-flex max-w-full items-center gap-1.5 self-start rounded-full px-2.5 py-0.5 text-xs font-medium",
          ok ? "bg-success-soft text-success" : "bg-danger-soft text-danger",
        )}
      >
        {ok && <CheckIcon className="size-3.5 shrink-0" />}
        <span className="min-w-0 break-words">{words}</span>
      </p>
      {verdict.kind === "unparsable" ? (
        <div className="rounded-lg border border-danger-line">
          <Pre>{text}</Pre>
        </div>
      ) : (
        <Markdown text={fenced(verdict.pretty, "json")} />
      )}
    </div>
  );
}
