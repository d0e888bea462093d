import { handle } from "@/lib/api/handle";
import { preparePromptRequest } from "@/lib/api/prepare";
import { countTokens } from "@/lib/gemini/count-tokens";

/** POST /api/count-tokens: the same prompt document as /api/run in, `CountTokensResponse` out. */
export const POST = handle(async (request) => {
  // A system instruction alone has a size: the counter beside the prompt box shows it.
  const { upstream } = await preparePromptRequest(request, { allowNoContents: true });
  return Response.json(await countTokens(upstream, { signal: request.signal }));
});
