"use client";

import { type FormEvent, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { PlayIcon } from "@/components/ui/icons";
import type { FunctionCallPart } from "@/lib/prompt";
import { parseFunctionResponse } from "@/lib/run/turns";

const SIGNATURE_CHARS = 80;

/** `get_weather(city: "Oslo")`: the arguments tell apart two calls of one function. */
function callSignature(call: FunctionCallPart): string {
  const args = Object.entries(call.args ?? {})
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join(", ");
  const text = `${call.name}(${args})`;
  return text.length > SIGNATURE_CHARS ? `${text.slice(0, SIGNATURE_CHARS - 2)}…)` : text;
}

/** "Response to get_weather(city: "Oslo")", numbered only when two calls read the same. */
function responseLabel(calls: readonly FunctionCallPart[], i: number): string {
  const signature = callSignature(calls[i] as FunctionCallPart);
  const same = calls.map(callSignature).filter((s) => s === signature).length;
  const nth = calls.slice(0, i + 1).filter((c) => callSignature(c) === signature).length;
  return same > 1 ? `Response to ${signature} (call ${nth})` : `Response to ${signature}`;
}

interface FunctionResponsesProps {
  calls: readonly FunctionCallPart[];
  /** A run of this conversation is on: sending waits for it. */
  running: boolean;
  /** One JSON object per call, in the calls' order. */
  onSend: (responses: Record<string, unknown>[]) => void;
}

/**
 * The model asked for function results: a person plays the function, one JSON object per call.
 * All calls are answered together, in one user turn, and the model continues at once.
 */
export function FunctionResponses({ calls, running, onSend }: FunctionResponsesProps) {
  const [texts, setTexts] = useState<string[]>(() => calls.map(() => ""));
  const [errors, setErrors] = useState<(string | null)[]>(() => calls.map(() => null));
  const fields = useRef<(HTMLTextAreaElement | null)[]>([]);
  const id = useId();

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const parsed = texts.map(parseFunctionResponse);
    setErrors(parsed.map((p) => (p.ok ? null : p.message)));
    const firstBad = parsed.findIndex((p) => !p.ok);
    if (firstBad >= 0) {
      fields.current[firstBad]?.focus();
      return;
    }
    onSend(parsed.map((p) => (p.ok ? p.value : {})));
  };

  return (
    <form
      aria-label="Function responses"
      onSubmit={submit}
      className="flex flex-col gap-3 rounded-xl border border-primary/40 bg-primary/5 p-3"
    >
      <p className="text-sm">
        {calls.length > 1
          ? `The model called ${calls.length} functions. Enter each result as a JSON object to continue.`
          : "The model called a function. Enter its result as a JSON object to continue."}
      </p>
      {calls.map((call, i) => {
        const error = errors[i];
        const fieldId = `${id}-${i}`;
        return (
          <div key={fieldId} className="flex flex-col gap-1">
            <label htmlFor={fieldId} className="text-xs font-medium text-muted-foreground">
              {responseLabel(calls, i)}
            </label>
            <textarea
              id={fieldId}
              ref={(el) => {
                fields.current[i] = el;
              }}
              value={texts[i]}
              onChange={(e) => {
                const value = e.target.value;
                setTexts((t) => t.map((old, j) => (j === i ? value : old)));
                if (error) setErrors((es) => es.map((old, j) => (j === i ? null : old)));
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
                  submit();
                }
              }}
              placeholder={`{"result": …} returned by ${call.name}`}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${fieldId}-error` : undefined}
              rows={2}
              spellCheck={false}
              className="block min-h-14 w-full resize-y rounded-lg border border-border bg-background px-3 py-2 font-mono text-[13px] [field-sizing:content] aria-invalid:border-danger"
            />
            {error && (
              <p id={`${fieldId}-error`} className="text-xs text-danger">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" size="sm" disabled={running}>
          <PlayIcon />
          Send responses
        </Button>
      </div>
    </form>
  );
}
