import { describe, expect, it } from "vitest";
import { type UsageRow, usageByDay, usageCsv } from "@/lib/usage/usage-row";

const row = (over: Partial<UsageRow>): UsageRow => ({
  day: "2026-12-01",
  author: "Ada",
  model: "gemini-2.5-flash",
  runs: 1,
  inputTokens: 10,
  outputTokens: 20,
  thinkingTokens: 5,
  costUsd: 0.001,
  unpriced: 0,
  ...over,
});

describe("usage", () => {
  it("exports CSV a spreadsheet reads: a header, quoted names, CRLF lines", () => {
    const csv = usageCsv([row({ author: 'Ada "the first", Lovelace' })]);
    expect(csv.split("\r\n")).toEqual([
      "Day,Person,Model,Runs,Input tokens,Output tokens,Thinking tokens,Estimated cost (USD)",
      '2026-12-01,"Ada ""the first"", Lovelace",gemini-2.5-flash,1,10,20,5,0.001000',
      "",
    ]);
  });

  it("sums each day's rows for the chart, one bar per day of the period, oldest first", () => {
    expect(
      usageByDay(
        [
          row({ day: "2026-12-02", costUsd: 0.5 }),
          row({ day: "2026-11-30", costUsd: 0.25, author: "Bob" }),
          row({ day: "2026-12-02", costUsd: 0.25, model: "gemini-2.5-pro" }),
        ],
        4,
        "2026-12-02",
      ),
    ).toEqual([
      { day: "2026-11-29", costUsd: 0, tokens: 0 },
      { day: "2026-11-30", costUsd: 0.25, tokens: 35 },
      { day: "2026-12-01", costUsd: 0, tokens: 0 },
      { day: "2026-12-02", costUsd: 0.75, tokens: 70 },
    ]);
  });
});
