"use client";

import { describeOutcome } from "@/lib/run/explain";
import { useChatRunId, useRunView, useUploadingCount } from "@/lib/store";

/** Characters of status that fit beside the prompt box's buttons on a wide screen. */
const LINE_BESIDE_BUTTONS = 14;

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
  // Beside the buttons there is room for about "Done · 12.3 s"; a longer line ("Running in
  // background…", "Stopped by reload") takes a line of its own below them, as on a phone, where
  // the line of buttons is full. Below them, not above: the buttons never move.
  const ownLine = text.length > LINE_BESIDE_BUTTONS ? "order-last basis-full" : "";
  return (
    <p
      role="status"
      aria-live="polite"
      className={`min-w-0 flex-1 truncate text-sm text-muted-foreground max-sm:order-last max-sm:basis-full ${ownLine}`}
    >
      {text}
    </p>
  );
}
