import { handle } from "@/lib/api/handle";
import { readJsonRequest } from "@/lib/api/read-json-request";
import { requestPerson } from "@/lib/auth/server/request-person";
import { store } from "@/lib/db/store";
import { savePrompt } from "@/lib/library/server/prompts";
import { readSaveRequest } from "@/lib/library/server/save-request";

/** POST /api/prompts: save a draft (a new prompt, a revision, or a copy); `{id, revision, forked}`. */
export const POST = handle(async (request) => {
  const save = readSaveRequest(await readJsonRequest(request));
  const result = await savePrompt(await store(), save, await requestPerson(request));
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
