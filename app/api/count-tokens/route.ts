import { handle } from "@/lib/api/handle";
import { readPromptDoc } from "@/lib/api/prompt-request";
import { countTokens } from "@/lib/gemini/count-tokens";

export const POST = handle(async (request) => {
  const doc = await readPromptDoc(request);
  return Response.json(await countTokens(doc, { signal: request.signal }));
});
