import { handle } from "@/lib/api/handle";
import { readPromptDoc } from "@/lib/api/prompt-request";
import { resolveMedia } from "@/lib/gemini/media";
import { startRun } from "@/lib/gemini/run-stream";
import { SSE_HEADERS } from "@/lib/run/events";

export const POST = handle(async (request, { requestId }) => {
  const doc = await readPromptDoc(request);
  const media = await resolveMedia(doc, request.signal);
  const body = await startRun(doc, { requestId, signal: request.signal, media });
  return new Response(body, { headers: SSE_HEADERS });
});
