import "server-only";
import type { GenerateContentParameters } from "@google/genai";
import type { Person } from "@/lib/auth/person";
import { newId } from "@/lib/db/ids";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { gemini, upstreamName } from "@/lib/gemini/client";
import { toAppError } from "@/lib/gemini/errors";
import { asGeminiError } from "@/lib/gemini/interactions-run";
import type { PromptDoc } from "@/lib/prompt";
import type { RunEvent } from "@/lib/run/events";
import { toBackgroundInteractionBody } from "@/lib/wire/interactions-request";
import { followCreated, followerId } from "./follower";
import { BACKGROUND_ID, createJob, findJob } from "./jobs";

/**
 * "Run in background": the interaction is created at Google with `background: true` (answered at
 * once with its id), the job written to the database with this server's lease, and followed from
 * here. What the page reads is the job's events (`watchJob`), never the interaction's stream
 * itself, so a page that leaves and comes back, to any server, reads the same run.
 */
export async function startBackgroundRun(
  params: GenerateContentParameters,
  doc: PromptDoc,
  person: Person,
  options: { requestId: string; id?: string | null },
): Promise<string> {
  const { requestId } = options;
  // The page names the run before sending it, so a page that leaves at once can still find it.
  const id = options.id ?? newId();
  if (!BACKGROUND_ID.test(id) || (await findJob(id))) {
    throw new AppError({
      code: "bad_request:prompt",
      message: "This background run's name is malformed or already taken. Run the prompt again.",
    });
  }
  let interactionId: string;
  try {
    const created = (await gemini().ai.interactions.create(
      toBackgroundInteractionBody(params) as never,
      { maxRetries: 0, timeout: 60_000 },
    )) as unknown as { id?: string };
    if (!created.id) throw new Error("The Interactions API answered without an interaction id.");
    interactionId = created.id;
  } catch (error) {
    throw toAppError(asGeminiError(error), {
      model: params.model,
      upstream: upstreamName(),
      requestId,
    }).withRequestId(requestId);
  }
  const opening: RunEvent = {
    type: "meta",
    data: {
      requestId,
      model: params.model,
      simulated: gemini().simulated,
      api: "interactions",
      background: { id },
    },
  };
  const row = await createJob({
    id,
    author: person.name,
    interactionId,
    model: doc.model,
    document: JSON.stringify(doc),
    events: [opening],
    owner: followerId(),
    leaseMs: serverEnv().backgroundLeaseMs,
  }).catch(async (error: unknown) => {
    // Stopped while it was being created (its name is taken now): it must not run on at Google.
    if (await findJob(id)) {
      await gemini()
        .ai.interactions.cancel(interactionId, undefined, { maxRetries: 0 })
        .catch(() => undefined);
      throw new AppError({
        code: "bad_request:prompt",
        message: "The run was stopped before it started.",
      });
    }
    throw error;
  });
  followCreated(row);
  return id;
}
