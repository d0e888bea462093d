"use client";

import { cn } from "@/lib/cn";
import { useTokenCount } from "@/lib/hooks/use-token-count";
import { usePlayground } from "@/lib/store";
import { modelKind } from "@/lib/wire/model-kind";

const n = (v: number) => v.toLocaleString("en-US");
/** From this share of the model's input limit on, the count turns amber. */
const WARN_AT = 0.9;

/**
 * "1,234 / 1,048,576 tokens": the prompt's size against the model's input limit, beside the
 * prompt box (which it describes, for screen readers). Amber near the limit, red past it.
 */
export function TokenCount({ id }: { id: string }) {
  const { total, counting, error } = useTokenCount();
  const limit = usePlayground(
    (s) => s.catalog.models.find((m) => m.id === s.draft.model)?.inputTokenLimit,
  );
  const imagen = usePlayground((s) => modelKind(s.draft.model) === "imagen");
  if (imagen) return null;
  const ratio = total !== null && limit ? total / limit : 0;
  const value = total === null ? "–" : n(total);
  const text = limit ? `${value} / ${n(limit)} tokens` : `${value} tokens`;
  const title =
    error ??
    (ratio > 1
      ? "The prompt is longer than this model accepts; the run will fail."
      : ratio >= WARN_AT
        ? "The prompt is close to this model's input limit."
        : "Tokens in the conversation, system instructions and prompt box, as Gemini counts them.");
  return (
    <p
      id={id}
      title={title}
      className={cn(
        "shrink-0 text-xs tabular-nums text-muted-foreground transition-opacity",
        counting && "opacity-60",
        ratio >= WARN_AT && "font-medium text-warning",
        ratio > 1 && "text-danger",
      )}
    >
      {text}
    </p>
  );
}
