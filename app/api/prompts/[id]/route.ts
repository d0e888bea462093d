import { handle } from "@/lib/api/handle";
import { requestPerson } from "@/lib/auth/server/request-person";
import { store } from "@/lib/db/store";
import { readRevisionParam } from "@/lib/library/revision-param";
import { deletePrompt } from "@/lib/library/server/manage";
import { getPrompt } from "@/lib/library/server/prompts";
import { promptIdFromPath } from "@/lib/library/server/route-params";

/** GET /api/prompts/{id}[?revision=N]: the prompt at its latest (or that) revision. */
export const GET = handle(async (request) => {
  const url = new URL(request.url);
  const id = promptIdFromPath(request, 1);
  const revision = readRevisionParam(url.searchParams.get("revision"));
  return Response.json(await getPrompt(await store(), id, revision), {
    headers: { "cache-control": "no-store" },
  });
});

/** DELETE /api/prompts/{id}: its author deletes it (restorable for 30 days). */
export const DELETE = handle(async (request) => {
  await deletePrompt(await store(), promptIdFromPath(request, 1), await requestPerson(request));
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
});
