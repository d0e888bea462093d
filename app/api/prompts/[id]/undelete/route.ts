import { handle } from "@/lib/api/handle";
import { requestPerson } from "@/lib/auth/server/request-person";
import { store } from "@/lib/db/store";
import { undeletePrompt } from "@/lib/library/server/manage";
import { promptIdFromPath } from "@/lib/library/server/route-params";

/** POST /api/prompts/{id}/undelete: bring back one's own deleted prompt (within 30 days). */
export const POST = handle(async (request) => {
  await undeletePrompt(await store(), promptIdFromPath(request, 2), await requestPerson(request));
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
});
