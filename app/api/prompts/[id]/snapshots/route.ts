import { handle } from "@/lib/api/handle";
import { readJsonRequest } from "@/lib/api/read-json-request";
import { requestPerson } from "@/lib/auth/server/request-person";
import { store } from "@/lib/db/store";
import { readRevisionParam } from "@/lib/library/revision-param";
import { MAX_SNAPSHOT_BYTES } from "@/lib/library/run-snapshot";
import { promptIdFromPath } from "@/lib/library/server/route-params";
import { saveSnapshot } from "@/lib/library/server/snapshots";

/** POST /api/prompts/{id}/snapshots `{revision, results}`: keep a run's results; `{id}`. */
export const POST = handle(async (request) => {
  const body = (await readJsonRequest(request, MAX_SNAPSHOT_BYTES + 1024)) as {
    revision?: unknown;
    results?: unknown;
  };
  const revision = readRevisionParam(String(body?.revision ?? "")) ?? 1;
  const id = await saveSnapshot(
    await store(),
    promptIdFromPath(request, 2),
    revision,
    body?.results,
    await requestPerson(request),
  );
  return Response.json({ id }, { headers: { "cache-control": "no-store" } });
});
