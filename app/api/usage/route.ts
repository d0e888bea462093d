import { handle } from "@/lib/api/handle";
import { store } from "@/lib/db/store";
import { sinceDay, usageRows } from "@/lib/usage/server/usage";
import { readUsageDays } from "@/lib/usage/usage-days";

/** GET /api/usage?days=30: the team's runs summed by day, person and model. */
export const GET = handle(async (request) => {
  const days = readUsageDays(new URL(request.url).searchParams.get("days"));
  return Response.json(
    { days, rows: await usageRows(await store(), sinceDay(days)) },
    { headers: { "cache-control": "no-store" } },
  );
});
