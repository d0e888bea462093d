"use client";

import { useMemo, useState } from "react";
import { SubpageHeader } from "@/components/library/subpage-header";
import { Button } from "@/components/ui/button";
import { ChartIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/select";
import { downloadText } from "@/lib/download";
import { formatUsd } from "@/lib/pricing";
import type { Theme } from "@/lib/theme";
import { USAGE_PERIODS } from "@/lib/usage/usage-days";
import { type UsageRow, usageByDay, usageCsv } from "@/lib/usage/usage-row";

const number = new Intl.NumberFormat("en-US");

/**
 * What the team's runs used: per day, person and model, with estimated cost at list prices, a
 * chart of the days, and the table as CSV. AI Studio shows this per key; this is per teammate.
 */
export function UsagePage({ theme, days, rows }: { theme: Theme; days: number; rows: UsageRow[] }) {
  const [person, setPerson] = useState("");
  const people = useMemo(() => [...new Set(rows.map((r) => r.author))].sort(), [rows]);
  const shown = useMemo(
    () => (person ? rows.filter((r) => r.author === person) : rows),
    [rows, person],
  );
  const bars = useMemo(
    () => usageByDay(shown, days, new Date().toISOString().slice(0, 10)),
    [shown, days],
  );
  const top = Math.max(...bars.map((b) => b.costUsd), 0);
  const total = shown.reduce(
    (sum, r) => ({
      runs: sum.runs + r.runs,
      tokens: sum.tokens + r.inputTokens + r.outputTokens + r.thinkingTokens,
      costUsd: sum.costUsd + r.costUsd,
      unpriced: sum.unpriced + r.unpriced,
    }),
    { runs: 0, tokens: 0, costUsd: 0, unpriced: 0 },
  );

  return (
    <div className="flex min-h-dvh flex-col">
      <SubpageHeader
        icon={<ChartIcon className="size-5 shrink-0 text-primary" />}
        title="Usage"
        theme={theme}
      />
      <main className="mx-auto flex w-full max-w-5xl flex-col gap-4 px-4 py-6">
        <div className="flex flex-wrap items-center gap-2">
          <Select
            aria-label="Period"
            className="w-auto"
            value={String(days)}
            onChange={(e) => window.location.assign(`/usage?days=${e.target.value}`)}
          >
            {USAGE_PERIODS.map((d) => (
              <option key={d} value={d}>
                Last {d} days
              </option>
            ))}
          </Select>
          <Select
            aria-label="Person"
            className="w-auto"
            value={person}
            onChange={(e) => setPerson(e.target.value)}
          >
            <option value="">Everyone</option>
            {people.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
          <Button
            variant="secondary"
            size="sm"
            className="ml-auto"
            disabled={shown.length === 0}
            onClick={() => downloadText(usageCsv(shown), `usage-last-${days}-days.csv`, "text/csv")}
          >
            Export CSV
          </Button>
        </div>
        <p className="text-sm">
          <strong>{number.format(total.runs)}</strong> runs ·{" "}
          <strong>{number.format(total.tokens)}</strong> tokens · about{" "}
          <strong>{formatUsd(total.costUsd)}</strong> at list prices
          {total.unpriced > 0 &&
            ` (${total.unpriced} runs of models without a list price not counted)`}
        </p>
        {shown.length > 0 && (
          <figure aria-label="Estimated cost per day" className="flex flex-col gap-1">
            <div className="flex h-32 items-end gap-1 border-b border-border">
              {bars.map((bar) => (
                <div
                  key={bar.day}
                  title={`${bar.day}: ${formatUsd(bar.costUsd)}, ${number.format(bar.tokens)} tokens`}
                  className="min-w-1 flex-1 rounded-t bg-primary/70"
                  style={{ height: `${top > 0 ? Math.max(2, (bar.costUsd / top) * 100) : 2}%` }}
                />
              ))}
            </div>
            <figcaption className="flex justify-between text-xs text-muted-foreground">
              <span>{bars[0]?.day}</span>
              <span>Estimated cost per day</span>
              <span>{bars.at(-1)?.day}</span>
            </figcaption>
          </figure>
        )}
        <div className="overflow-x-auto">
          <table aria-label="Usage" className="w-full text-sm">
            <thead>
              <tr className="border-b border-border text-left text-muted-foreground">
                <th className="py-2 pr-3 font-medium">Day</th>
                <th className="py-2 pr-3 font-medium">Person</th>
                <th className="py-2 pr-3 font-medium">Model</th>
                <th className="py-2 pr-3 text-right font-medium">Runs</th>
                <th className="py-2 pr-3 text-right font-medium">Input</th>
                <th className="py-2 pr-3 text-right font-medium">Output</th>
                <th className="py-2 pr-3 text-right font-medium">Thinking</th>
                <th className="py-2 text-right font-medium">Cost</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={`${r.day} ${r.author} ${r.model}`} className="border-b border-border/60">
                  <td className="py-1.5 pr-3 tabular-nums">{r.day}</td>
                  <td className="py-1.5 pr-3">{r.author}</td>
                  <td className="py-1.5 pr-3 font-mono text-xs">{r.model}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{number.format(r.runs)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">
                    {number.format(r.inputTokens)}
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">
                    {number.format(r.outputTokens)}
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">
                    {number.format(r.thinkingTokens)}
                  </td>
                  <td className="py-1.5 text-right tabular-nums">
                    {r.unpriced === r.runs ? "–" : formatUsd(r.costUsd)}
                  </td>
                </tr>
              ))}
              {shown.length === 0 && (
                <tr>
                  <td colSpan={8} className="py-4 text-center text-muted-foreground">
                    No runs in this period.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </main>
    </div>
  );
}
