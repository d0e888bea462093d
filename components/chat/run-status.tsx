"use client";

import { describeOutcome } from "@/lib/run/explain";
import { useChatRunId, useRunView, useUploadingCount } from "@/lib/store";

/**
 * One polite line saying what the run is doing: "Running…", then "Done · 1.2 s · 432 tokens";
 * while files upload, that Run waits for them.
 */
export function RunStatus() {
  const uploading = useUploadingCount();
  const runId = useChatRunId();
  // Selecting the sentence, not the run, so streaming chunks don't re-render this line.
  const outcome = useRunView(runId, (run) => {
    if (!run) return "";
    const elapsed = run.endedAt !== undefined ? run.endedAt - run.startedAt : undefined;
    return describeOutcome(run.state, elapsed);
  });
  const text = uploading
    ? `Uploading ${uploading === 1 ? "1 file" : `${uploading} files`}… Run waits for it.`
    : outcome;
  return (
    <p
      role="status"
      aria-live="polite"
      // On a phone the line of buttons is full: the status takes a line of its own below it.
      className="min-w-0 flex-1 truncate text-sm text-muted-foreground max-sm:order-last max-sm:basis-full"
    >
      {text}
    </p>
  );
}
