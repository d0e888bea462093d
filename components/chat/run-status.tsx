"use client";

import { describeOutcome } from "@/lib/run/explain";
import { usePlayground } from "@/lib/store";

/** One polite line saying what the run is doing: "Running…", then "Done · 1.2 s · 432 tokens". */
export function RunStatus() {
  // Selecting the sentence, not the run, so streaming chunks don't re-render this line.
  const text = usePlayground((s) => {
    const run = s.chatRunId ? s.runs[s.chatRunId] : undefined;
    if (!run) return "";
    const elapsed = run.endedAt !== undefined ? run.endedAt - run.startedAt : undefined;
    return describeOutcome(run.state, elapsed);
  });
  return (
    <p role="status" aria-live="polite" className="min-w-0 truncate text-sm text-muted-foreground">
      {text}
    </p>
  );
}
