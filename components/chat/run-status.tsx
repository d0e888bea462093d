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
      className="min-w-0 flex-1 truncate text-sm text-muted-foreground"
    >
      {text}
    </p>
  );
}
