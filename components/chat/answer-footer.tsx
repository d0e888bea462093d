import { describeUsage, explainFinish, explainRefusal } from "@/lib/run/explain";
import type { RunState } from "@/lib/run/reducer";
import { CopyButton } from "./copy-button";

interface AnswerFooterProps {
  /** Absent for turns restored from a saved draft: only their text is known. */
  state?: RunState;
  text: string;
}

/** Finish reason, token counts and Copy under a model turn. */
export function AnswerFooter({ state, text }: AnswerFooterProps) {
  const usage = state ? describeUsage(state) : null;
  // Refusals are explained in the alert area; other early ends (MAX_TOKENS…) are noted here.
  const note = state && !explainRefusal(state) ? explainFinish(state) : null;
  return (
    <div className="flex flex-col gap-1">
      {note && <p className="text-sm text-amber-800">{note}</p>}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
        {state?.finishReason && (
          <span className="rounded bg-muted px-1.5 py-0.5 font-mono">{state.finishReason}</span>
        )}
        {state?.status === "stopped" && <span>Stopped early</span>}
        {usage && <span>{usage}</span>}
        {state?.modelVersion && <span className="font-mono">{state.modelVersion}</span>}
        {text && <CopyButton text={text} label="Copy answer" />}
      </div>
    </div>
  );
}
