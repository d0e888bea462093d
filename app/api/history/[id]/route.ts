import { handle } from "@/lib/api/handle";
import { requestPerson } from "@/lib/auth/server/request-person";
import { store } from "@/lib/db/store";
import { getRun } from "@/lib/history/server/list";
import { promptIdFromPath } from "@/lib/library/server/route-params";

/** GET /api/history/{id}: one of the person's runs, whole. */
export const GET = handle(async (request) =>
  Response.json(
    await getRun(await store(), promptIdFromPath(request, 1), (await requestPerson(request)).name),
    { headers: { "cache-control": "no-store" } },
  ),
);
