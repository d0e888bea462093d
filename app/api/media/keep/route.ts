import { handle } from "@/lib/api/handle";
import { readJsonRequest } from "@/lib/api/read-json-request";
import { keepMedia } from "@/lib/media/keep";

/** POST /api/media/keep: `{ sha256: [...] }` in, `KeptMedia` out. */
export const POST = handle(async (request) =>
  Response.json(await keepMedia(await readJsonRequest(request, 256 * 1024))),
);
