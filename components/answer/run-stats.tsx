import { memo } from "react";
import { formatUsd } from "@/lib/pricing";
import { formatSeconds } from "@/lib/run/explain";
import type { RunStats as Stats } from "@/lib/run/stats";

const n = (v: number) => v.toLocaleString("en-US");

const COST_NOTE =
  "An estimate from Google's published list prices for this model (thinking billed as output); your actual bill may differ.";

/** `title` is the hover tooltip; it is also read out, since a tooltip is no use to a screen reader. */
function Stat({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <div className="flex items-baseline gap-1" title={title}>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium text-foreground/80 tabular-nums">
        {value}
        {title && <span className="sr-only"> ({title})</span>}
      </dd>
    </div>
  );
}

/** The measurements under an answer: speed, tokens, how it ended, what it cost. */
export const RunStats = memo(function RunStats({ stats }: { stats: Stats }) {
  const {
    ttftMs,
    totalMs,
    serverTtftMs,
    serverTotalMs,
    inputTokens,
    outputTokens,
    thinkingTokens,
    tokensPerSecond,
    finishReason,
    modelVersion,
    api,
    costUsd,
  } = stats;
  const server = (ms: number | undefined) =>
    ms !== undefined ? `The server measured ${formatSeconds(ms)}.` : undefined;
  return (
    <dl
      aria-label="Run stats"
      className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-xs text-muted-foreground"
    >
      {ttftMs !== undefined && (
        <Stat label="TTFT" value={formatSeconds(ttftMs)} title={server(serverTtftMs)} />
      )}
      {totalMs !== undefined && (
        <Stat label="Total" value={formatSeconds(totalMs)} title={server(serverTotalMs)} />
      )}
      {inputTokens !== undefined && <Stat label="Input" value={`${n(inputTokens)} tokens`} />}
      {outputTokens !== undefined && <Stat label="Output" value={`${n(outputTokens)} tokens`} />}
      {thinkingTokens ? <Stat label="Thinking" value={`${n(thinkingTokens)} tokens`} /> : null}
      {tokensPerSecond !== undefined && (
        <Stat label="Speed" value={`${n(Math.round(tokensPerSecond))} tok/s`} />
      )}
      {finishReason && <Stat label="Finish" value={finishReason} />}
      {modelVersion && <Stat label="Model" value={modelVersion} />}
      {api && <Stat label="API" value={api} />}
      {costUsd !== null && (
        <Stat label="Cost" value={`est. ${formatUsd(costUsd)}`} title={COST_NOTE} />
      )}
    </dl>
  );
});
