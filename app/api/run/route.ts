import { handle } from "@/lib/api/handle";
import { preparePromptRequest } from "@/lib/api/prepare";
import { sseResponse } from "@/lib/api/sse";
import { openRun } from "@/lib/gemini/run";

/** POST /api/run: a prompt document in, its run events out as Server-Sent Events. */
export const POST = handle(async (request, { requestId }) => {
  const { upstream } = await preparePromptRequest(request);
  const abort = new AbortController();
  const stop = () => abort.abort();
  request.signal.addEventListener("abort", stop, { once: true });
  // The upstream call opens inside the events: headers and the opening meta leave at once.
  const events = openRun(upstream, { requestId, signal: abort.signal });
  return sseResponse(events, { onCancel: stop });
});
