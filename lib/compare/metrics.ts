import type { RunStats } from "@/lib/run/stats";

/** The figures compared across columns, and which way is better for each. */
export const METRICS = [
  { key: "ttftMs", label: "TTFT", better: "lower" },
  { key: "totalMs", label: "Total", better: "lower" },
  { key: "inputTokens", label: "Input", better: "lower" },
  { key: "outputTokens", label: "Output", better: "lower" },
  { key: "thinkingTokens", label: "Thinking", better: "lower" },
  { key: "tokensPerSecond", label: "Speed", better: "higher" },
  { key: "costUsd", label: "Cost", better: "lower" },
] as const satisfies readonly { key: keyof RunStats; label: string; better: "lower" | "higher" }[];

export type MetricKey = (typeof METRICS)[number]["key"];

/**
 * For each figure, the columns (by index) that have the best of it. A figure is only marked
 * when at least two columns have it and they differ: one column, or a tie of all, has no best.
 */
export function bestColumns(stats: readonly (RunStats | undefined)[]): Record<MetricKey, number[]> {
  const best = {} as Record<MetricKey, number[]>;
  for (const { key, better } of METRICS) {
    const values = stats.map((s) => s?.[key] ?? undefined);
    const known = values.filter((v): v is number => typeof v === "number");
    best[key] = [];
    if (known.length < 2 || known.every((v) => v === known[0])) continue;
    const target = better === "lower" ? Math.min(...known) : Math.max(...known);
    values.forEach((v, i) => {
      if (v === target) best[key].push(i);
    });
  }
  return best;
}
