import { handle } from "@/lib/api/handle";
import { sseResponse } from "@/lib/api/sse";
import { requestPerson } from "@/lib/auth/server/request-person";
import { startFollowing } from "@/lib/background/server/follower";
import { ownJob } from "@/lib/background/server/runs";
import { watchJob } from "@/lib/background/server/watch";
import { promptIdFromPath } from "@/lib/library/server/route-params";

/**
 * GET /api/background/{id}?from=N: a background run's events from the Nth on (all by default),
 * then each as it comes, as Server-Sent Events. Leaving stops the watching, never the run.
 */
export const GET = handle(async (request) => {
  const id = promptIdFromPath(request, 1);
  await ownJob(id, (await requestPerson(request)).name);
  startFollowing();
  const from = Number(new URL(request.url).searchParams.get("from"));
  const abort = new AbortController();
  const stop = () => abort.abort();
  request.signal.addEventListener("abort", stop, { once: true });
  const events = watchJob(id, Number.isInteger(from) && from > 0 ? from : 0, abort.signal);
  return sseResponse(events, { onCancel: stop });
});
