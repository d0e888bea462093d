import { handle } from "@/lib/api/handle";
import { requestPerson } from "@/lib/auth/server/request-person";
import { store } from "@/lib/db/store";
import { listRuns } from "@/lib/history/server/list";

/** GET /api/history?q=&before=: the person's runs, newest first, 100 at a time. */
export const GET = handle(async (request) => {
  const params = new URL(request.url).searchParams;
  const before = Number(params.get("before"));
  const runs = await listRuns(
    await store(),
    (await requestPerson(request)).name,
    params.get("q")?.slice(0, 200) ?? "",
    Number.isFinite(before) && before > 0 ? before : undefined,
  );
  return Response.json({ runs }, { headers: { "cache-control": "no-store" } });
});
