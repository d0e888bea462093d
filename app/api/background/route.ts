import { handle } from "@/lib/api/handle";
import { requestPerson } from "@/lib/auth/server/request-person";
import { listBackgroundRuns } from "@/lib/background/server/runs";

/** GET /api/background: the person's background runs, newest first. */
export const GET = handle(async (request) =>
  Response.json(
    { runs: await listBackgroundRuns((await requestPerson(request)).name) },
    { headers: { "cache-control": "no-store" } },
  ),
);
