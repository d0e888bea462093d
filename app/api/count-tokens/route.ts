import { handle } from "@/lib/api/handle";
import { readPromptDoc } from "@/lib/api/prompt-request";
import { countTokens } from "@/lib/gemini/count-tokens";
import { resolveMedia } from "@/lib/gemini/media";

export const POST = handle(async (request) => {
  const doc = await readPromptDoc(request);
  const media = await resolveMedia(doc, request.signal);
  return Response.json(await countTokens(doc, { signal: request.signal, media }));
});
