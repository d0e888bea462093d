import { explainFinish, explainRefusal } from "@/lib/run/explain";
import type { RunState } from "@/lib/run/reducer";
import type { RunStats as Stats } from "@/lib/run/stats";
import { RunStats } from "./run-stats";

interface AnswerFooterProps {
  /** Absent for turns restored from a saved draft or written by hand: only their text is known. */
  state?: RunState;
  stats?: Stats;
}

/** Under a model turn: why it ended early, if it did, and the run's figures. */
export function AnswerFooter({ state, stats }: AnswerFooterProps) {
  // Refusals are explained in the alert area; other early ends (MAX_TOKENS…) are noted here.
  const note = state && !explainRefusal(state) ? explainFinish(state) : null;
  if (!note && !stats && state?.status !== "stopped") return null;
  return (
    <div className="flex flex-col gap-1">
      {note && <p className="text-sm text-warning">{note}</p>}
      {state?.status === "stopped" && (
        <p className="text-xs text-muted-foreground">
          {state.stoppedByReload
            ? "Stopped by reload: the page was left while this answer streamed. Rerun from here for all of it."
            : "Stopped early"}
        </p>
      )}
      {stats && <RunStats stats={stats} />}
    </div>
  );
}
