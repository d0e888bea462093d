import { handle } from "@/lib/api/handle";
import { readJsonRequest } from "@/lib/api/read-json-request";
import { requestPerson } from "@/lib/auth/server/request-person";
import { store } from "@/lib/db/store";
import { readLibraryQuery } from "@/lib/library/library-entry";
import { listPrompts } from "@/lib/library/server/list";
import { savePrompt } from "@/lib/library/server/prompts";
import { readSaveRequest } from "@/lib/library/server/save-request";

/** POST /api/prompts: save a draft (a new prompt, a revision, or a copy); `{id, revision, forked}`. */
export const POST = handle(async (request) => {
  const save = readSaveRequest(await readJsonRequest(request));
  const result = await savePrompt(await store(), save, await requestPerson(request));
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});

/** GET /api/prompts?q=&author=&tag=&model=&deleted=1: the library, newest change first. */
export const GET = handle(async (request) => {
  const query = readLibraryQuery(new URL(request.url).searchParams);
  const me = (await requestPerson(request)).name;
  return Response.json(
    { prompts: await listPrompts(await store(), query, me) },
    { headers: { "cache-control": "no-store" } },
  );
});
