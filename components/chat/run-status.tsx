"use client";

import { describeOutcome } from "@/lib/run/explain";
import { usePlayground } from "@/lib/store";

/**
 * One polite line saying what the run is doing: "Running…", then "Done · 1.2 s · 432 tokens";
 * while files upload, that Run waits for them.
 */
export function RunStatus() {
  // Selecting the sentence, not the run, so streaming chunks don't re-render this line.
  const text = usePlayground((s) => {
    const uploading = s.uploads.filter((u) => u.error === undefined).length;
    if (uploading)
      return `Uploading ${uploading === 1 ? "1 file" : `${uploading} files`}… Run waits for it.`;
    const run = s.chatRunId ? s.runs[s.chatRunId] : undefined;
    if (!run) return "";
    const elapsed = run.endedAt !== undefined ? run.endedAt - run.startedAt : undefined;
    return describeOutcome(run.state, elapsed);
  });
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
