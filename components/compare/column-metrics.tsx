import { memo } from "react";
import { METRICS, type MetricKey } from "@/lib/compare/metrics";
import { formatUsd } from "@/lib/pricing";
import { formatSeconds } from "@/lib/run/explain";
import type { RunStats } from "@/lib/run/stats";

const n = (v: number) => v.toLocaleString("en-US");

function format(key: MetricKey, value: number): string {
  switch (key) {
    case "ttftMs":
    case "totalMs":
      return formatSeconds(value);
    case "tokensPerSecond":
      return `${n(Math.round(value))} tok/s`;
    case "costUsd":
      return `est. ${formatUsd(value)}`;
    default:
      return n(value);
  }
}

/**
 * A column's figures in a fixed order, so the columns line up and can be read across (the columns
 * are as wide as each other, so their grids of pairs match); the best
 * of each across the columns is marked (in words too, for a screen reader).
 */
export const ColumnMetrics = memo(function ColumnMetrics({
  stats,
  best,
}: {
  stats: RunStats | undefined;
  /** The keys this column is best at, space-separated. */
  best: string;
}) {
  if (!stats) return null;
  const bestKeys = new Set(best.split(" "));
  return (
    <dl
      aria-label="Metrics"
      className="grid grid-cols-[repeat(2,auto_1fr)] gap-x-3 gap-y-0.5 border-t border-border pt-2 text-xs @xl:grid-cols-[repeat(4,auto_1fr)]"
    >
      {METRICS.map(({ key, label }) => {
        const value = stats[key];
        if (typeof value !== "number") return null;
        const isBest = bestKeys.has(key);
        return (
          <div key={key} className="contents" data-best={isBest || undefined}>
            <dt className="text-muted-foreground">{label}</dt>
            <dd
              className={
                isBest
                  ? "font-semibold text-success tabular-nums"
                  : "text-foreground/80 tabular-nums"
              }
            >
              {/* Times read "25 s" past ten seconds; the exact figure stays machine-readable. */}
              {key === "ttftMs" || key === "totalMs" ? (
                <data value={Math.round(value)}>{format(key, value)}</data>
              ) : (
                format(key, value)
              )}
              {/* A narrow column has no room for the word: the colour and weight still say it. */}
              {isBest && (
                <span className="ml-1 text-[0.7rem] font-medium @max-xs:sr-only">(best)</span>
              )}
            </dd>
          </div>
        );
      })}
      {stats.finishReason && (
        <div className="contents">
          <dt className="text-muted-foreground">Finish</dt>
          <dd className="text-foreground/80">{stats.finishReason}</dd>
        </div>
      )}
    </dl>
  );
});
