import { cookies } from "next/headers";
import { connection } from "next/server";
import { UsagePage } from "@/components/usage/usage-page";
import { store } from "@/lib/db/store";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { sinceDay, usageRows } from "@/lib/usage/server/usage";
import { readUsageDays } from "@/lib/usage/usage-days";

export const metadata = { title: "Usage · Gemini Playground" };

/** /usage[?days=N]: the team's runs summed by day, person and model, with cost estimates. */
export default async function Usage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const { days: asked } = await searchParams;
  const days = readUsageDays(typeof asked === "string" ? asked : undefined);
  const rows = await usageRows(await store(), sinceDay(days));
  return <UsagePage theme={theme} days={days} rows={rows} />;
}
