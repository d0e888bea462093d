import "server-only";
import type { Store } from "@/lib/db/database";
import type { UsageRow } from "@/lib/usage/usage-row";

/** The first day (YYYY-MM-DD, UTC) of the last `days` days, today included. */
export function sinceDay(days: number, now = Date.now()): string {
  return new Date(now - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The history summed by day, person and model since `since`, newest day first: one GROUP BY
 * the database does, the same on both.
 */
export async function usageRows(store: Store, since: string): Promise<UsageRow[]> {
  const rows = await store.db
    .selectFrom("runs")
    .select((eb) => [
      "day",
      "author",
      "model",
      eb.fn.countAll<number>().as("runs"),
      eb.fn.sum<number>("input_tokens").as("input_tokens"),
      eb.fn.sum<number>("output_tokens").as("output_tokens"),
      eb.fn.sum<number>("thinking_tokens").as("thinking_tokens"),
      eb.fn.sum<number | null>("cost_usd").as("cost_usd"),
      eb.fn.count<number>("cost_usd").as("priced"),
    ])
    .where("day", ">=", since)
    .groupBy(["day", "author", "model"])
    .orderBy("day", "desc")
    .orderBy("author")
    .orderBy("model")
    .execute();
  return rows.map((r) => ({
    day: r.day,
    author: r.author,
    model: r.model,
    runs: Number(r.runs),
    inputTokens: Number(r.input_tokens),
    outputTokens: Number(r.output_tokens),
    thinkingTokens: Number(r.thinking_tokens),
    costUsd: Number(r.cost_usd ?? 0),
    unpriced: Number(r.runs) - Number(r.priced),
  }));
}
