import { handle } from "@/lib/api/handle";
import { store } from "@/lib/db/store";
import { readRevisionParam } from "@/lib/library/revision-param";
import { getPrompt } from "@/lib/library/server/prompts";

/** GET /api/prompts/{id}[?revision=N]: the prompt at its latest (or that) revision. */
export const GET = handle(async (request) => {
  const url = new URL(request.url);
  const id = decodeURIComponent(url.pathname.split("/").at(-1) ?? "");
  const revision = readRevisionParam(url.searchParams.get("revision"));
  return Response.json(await getPrompt(await store(), id, revision), {
    headers: { "cache-control": "no-store" },
  });
});
