import { handle } from "@/lib/api/handle";
import { store } from "@/lib/db/store";
import { listRevisions } from "@/lib/library/server/prompts";
import { promptIdFromPath } from "@/lib/library/server/route-params";

/** GET /api/prompts/{id}/revisions: every revision, newest first. */
export const GET = handle(async (request) => {
  const id = promptIdFromPath(request, 2);
  return Response.json(
    { revisions: await listRevisions(await store(), id) },
    { headers: { "cache-control": "no-store" } },
  );
});
