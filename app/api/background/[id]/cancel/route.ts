import { handle } from "@/lib/api/handle";
import { requestPerson } from "@/lib/auth/server/request-person";
import { cancelBackgroundRun } from "@/lib/background/server/runs";
import { promptIdFromPath } from "@/lib/library/server/route-params";

/** POST /api/background/{id}/cancel: stops the run at Google; its events end as stopped. */
export const POST = handle(async (request) => {
  await cancelBackgroundRun(promptIdFromPath(request, 2), (await requestPerson(request)).name);
  return Response.json({ ok: true });
});
