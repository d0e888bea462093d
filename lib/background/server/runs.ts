import "server-only";
import type { BackgroundRunSummary } from "@/lib/background/summary";
import { partsText } from "@/lib/compare/turn-text";
import { AppError } from "@/lib/errors";
import { gemini, upstreamName } from "@/lib/gemini/client";
import { toAppError } from "@/lib/gemini/errors";
import { asGeminiError } from "@/lib/gemini/interactions-run";
import type { PromptDoc } from "@/lib/prompt";
import { BACKGROUND_ID, type BackgroundRow, findJob, listJobs, markStopped, RUNNING } from "./jobs";

/** One of the person's background runs; another's is as missing as one that never was. */
export async function ownJob(id: string, author: string): Promise<BackgroundRow> {
  const job = id ? await findJob(id) : undefined;
  if (!job || job.author !== author) {
    throw new AppError({
      code: "not_found",
      message:
        "That background run was not found: it never reached the server (the page may have closed as it was sent), or it is someone else's. Run the prompt again.",
    });
  }
  return job;
}

export async function listBackgroundRuns(author: string): Promise<BackgroundRunSummary[]> {
  // A run stopped before it was registered holds only its name: nothing to list.
  return (await listJobs(author))
    .filter((job) => job.model)
    .map((job) => ({
      id: job.id,
      model: job.model,
      status: job.status,
      prompt: askedIn(job.document),
      createdAt: job.created_at,
      updatedAt: job.updated_at,
    }));
}

/**
 * Cancels the interaction at Google. Its follower (on whichever server) reads the end from the
 * stream, as for any other end, and records the run as stopped.
 */
export async function cancelBackgroundRun(id: string, author: string): Promise<void> {
  // Stop before the run was even registered (the page names it first): it is marked stopped
  // here, so the request still on its way finds its name taken and starts nothing.
  if (BACKGROUND_ID.test(id) && !(await findJob(id)) && (await markStopped(id, author))) return;
  const job = await ownJob(id, author);
  if (job.status !== RUNNING) return;
  try {
    await gemini().ai.interactions.cancel(job.interaction_id, undefined, { maxRetries: 0 });
  } catch (error) {
    const current = await findJob(id);
    // It ended on its own while the cancel was on its way: nothing is left to cancel.
    if (current && current.status !== RUNNING) return;
    throw toAppError(asGeminiError(error), {
      model: job.model,
      upstream: upstreamName(),
      requestId: id,
    });
  }
}

/** The start of the last thing the person asked in a run's document. */
function askedIn(document: string): string {
  const doc = JSON.parse(document) as Partial<PromptDoc>;
  const asked = (doc.contents ?? []).findLast((turn) => turn.role === "user");
  return asked ? partsText(asked.parts).slice(0, 300) : "";
}
