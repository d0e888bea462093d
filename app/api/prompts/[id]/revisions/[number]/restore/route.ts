import { handle } from "@/lib/api/handle";
import { requestPerson } from "@/lib/auth/server/request-person";
import { store } from "@/lib/db/store";
import { readRevisionParam } from "@/lib/library/revision-param";
import { restoreRevision } from "@/lib/library/server/manage";
import { promptIdFromPath } from "@/lib/library/server/route-params";

/** POST /api/prompts/{id}/revisions/{n}/restore: revision n again, as the newest; `{id, revision, forked}`. */
export const POST = handle(async (request) => {
  const number = readRevisionParam(new URL(request.url).pathname.split("/").at(-2)) ?? 1;
  const result = await restoreRevision(
    await store(),
    promptIdFromPath(request, 4),
    number,
    await requestPerson(request),
  );
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
