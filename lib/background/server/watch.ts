import "server-only";
import type { RunEvent } from "@/lib/run/events";
import { findJob, RUNNING, readJobEvents } from "./jobs";
import { progressOrTimeout } from "./progress";

/** How often a page's watch looks for progress a server other than its own wrote. */
const POLL_MS = 500;

/**
 * A background run's events from `fromSeq` on, as the page folds them: those written so far at
 * once, then each as its follower writes it, until the run has ended and every event was given.
 * Leaving (the signal) stops the watching, never the run.
 */
export async function* watchJob(
  id: string,
  fromSeq: number,
  signal: AbortSignal,
): AsyncGenerator<RunEvent> {
  let next = fromSeq;
  while (!signal.aborted) {
    const job = await findJob(id);
    if (!job) return;
    for (const { seq, event } of await readJobEvents(id, next)) {
      next = seq + 1;
      yield event;
    }
    if (job.status !== RUNNING && next >= job.next_seq) return;
    await progressOrTimeout(id, POLL_MS, signal);
  }
}
