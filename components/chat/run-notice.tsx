"use client";

import { Button } from "@/components/ui/button";
import { useCountdown } from "@/lib/hooks/use-countdown";
import { explainRefusal } from "@/lib/run/explain";
import { useChatRunId, useLastTurnRole, useRunActions, useRunView } from "@/lib/store";

/**
 * The alert area above the prompt box: a failed run (with Retry, after the server's
 * retry-after when it gave one), or the reason Gemini refused to answer.
 */
export function RunNotice() {
  const runId = useChatRunId();
  const { error, refusal, retryAt } = useRunView(runId, (run) => {
    const failed = run?.state.status === "error" ? run.state.error : undefined;
    const after = failed?.retryAfterMs;
    return {
      error: failed,
      refusal: run && run.state.status !== "streaming" ? explainRefusal(run.state) : null,
      retryAt: after !== undefined ? (run?.endedAt ?? run?.startedAt ?? 0) + after : undefined,
    };
  });
  const canRetry = useLastTurnRole() === "user";
  const { retry } = useRunActions();
  const secondsLeft = useCountdown(retryAt);

  if (!error && !refusal) return null;

  const offerRetry = error !== undefined && (error.retryable || retryAt !== undefined) && canRetry;
  return (
    <div
      role="alert"
      className={
        error
          ? "flex items-start gap-3 rounded-xl border border-danger-line bg-danger-soft px-4 py-3 text-sm text-danger"
          : "flex items-start gap-3 rounded-xl border border-warning-line bg-warning-soft px-4 py-3 text-sm text-warning"
      }
    >
      <div className="min-w-0 flex-1">
        <p className="break-words">{error ? error.message : refusal}</p>
        {error && secondsLeft > 0 && <p className="mt-1 font-medium">Retry in {secondsLeft} s</p>}
      </div>
      {offerRetry && (
        <Button variant="danger" size="sm" onClick={retry} disabled={secondsLeft > 0}>
          Retry
        </Button>
      )}
    </div>
  );
}
