/** One person's runs on one model on one day, summed. */
export interface UsageRow {
  day: string;
  author: string;
  model: string;
  runs: number;
  inputTokens: number;
  outputTokens: number;
  thinkingTokens: number;
  /** At list prices; runs of a model without a known price add nothing. */
  costUsd: number;
  /** Runs whose cost is unknown (no list price for the model). */
  unpriced: number;
}

export const USAGE_COLUMNS = [
  "Day",
  "Person",
  "Model",
  "Runs",
  "Input tokens",
  "Output tokens",
  "Thinking tokens",
  "Estimated cost (USD)",
] as const;

/** The rows as CSV (RFC 4180: quoted where needed, CRLF), for a spreadsheet. */
export function usageCsv(rows: readonly UsageRow[]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [
    USAGE_COLUMNS.map(cell).join(","),
    ...rows.map((r) =>
      [
        r.day,
        r.author,
        r.model,
        r.runs,
        r.inputTokens,
        r.outputTokens,
        r.thinkingTokens,
        r.costUsd.toFixed(6),
      ]
        .map(cell)
        .join(","),
    ),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * Sums of the rows per day over the last `days` days up to `today` (YYYY-MM-DD), oldest first,
 * a day without runs at zero: the chart's bars, one per day of the period.
 */
export function usageByDay(
  rows: readonly UsageRow[],
  days: number,
  today: string,
): { day: string; costUsd: number; tokens: number }[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  const bars = Array.from({ length: days }, (_, i) => ({
    day: new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
    costUsd: 0,
    tokens: 0,
  }));
  const byDay = new Map(bars.map((bar) => [bar.day, bar]));
  for (const r of rows) {
    const bar = byDay.get(r.day);
    if (!bar) continue;
    bar.costUsd += r.costUsd;
    bar.tokens += r.inputTokens + r.outputTokens + r.thinkingTokens;
  }
  return bars;
}
