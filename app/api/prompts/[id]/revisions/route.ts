import { handle } from "@/lib/api/handle";
import { store } from "@/lib/db/store";
import { listRevisions } from "@/lib/library/server/prompts";

/** GET /api/prompts/{id}/revisions: every revision, newest first. */
export const GET = handle(async (request) => {
  const id = decodeURIComponent(new URL(request.url).pathname.split("/").at(-2) ?? "");
  return Response.json(
    { revisions: await listRevisions(await store(), id) },
    { headers: { "cache-control": "no-store" } },
  );
});
