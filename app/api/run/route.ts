import { handle } from "@/lib/api/handle";
import { takeRunSlot } from "@/lib/api/limits";
import { preparePromptRequest } from "@/lib/api/prepare";
import { sseResponse } from "@/lib/api/sse";
import { requestPerson } from "@/lib/auth/server/request-person";
import { startBackgroundRun } from "@/lib/background/server/start";
import { watchJob } from "@/lib/background/server/watch";
import { openRunAsAsked } from "@/lib/history/server/interaction-chain";
import { recordRun } from "@/lib/history/server/record";
import { runApi } from "@/lib/wire/api";

/** POST /api/run: a prompt document in, its run events out as Server-Sent Events. */
export const POST = handle(async (request, { requestId }) => {
  // A slot before a byte of the body is read; given back when the events end, or on a refusal.
  const slot = takeRunSlot(request);
  const [{ doc, upstream }, person] = await Promise.all([
    preparePromptRequest(request),
    requestPerson(request),
  ]).catch((error) => {
    slot.release();
    throw error;
  });
  const abort = new AbortController();
  const stop = () => abort.abort();
  request.signal.addEventListener("abort", stop, { once: true });
  if (doc.config.background && upstream.method === "generateContent") {
    // The run goes on without this request: it needs no slot, and the page reads its events.
    const id = await startBackgroundRun(upstream.params, doc, person, {
      requestId,
      id: new URL(request.url).searchParams.get("background"),
    }).finally(() => slot.release());
    return sseResponse(watchJob(id, 0, abort.signal), { onCancel: stop });
  }
  // The upstream call opens inside the events: headers and the opening meta leave at once.
  // Kept in the person's history however it ends, by the server: nothing in the browser can lose it.
  const options = { requestId, signal: abort.signal, api: runApi(doc.config) };
  const events = slot.hold(recordRun(openRunAsAsked(upstream, doc, person, options), doc, person));
  return sseResponse(events, { onCancel: stop });
});
