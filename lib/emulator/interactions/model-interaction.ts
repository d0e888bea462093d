/**
 * `POST interactions` with a `model`: the conversation (the previous interaction's, then this
 * turn's input) becomes a generateContent request, the shared native code checks and plans it,
 * and model-script.ts turns the plan into the interaction's steps, run as the request asks:
 * unary, streamed, or in the background.
 *
 * Directives keep their generateContent meaning: `delay=` waits before answering (a background
 * interaction answers at once and waits inside its run), `error=` fails the call (a background run
 * fails later, as `failed` with the error), `after=N` with it lets N chunks through first,
 * `disconnect=N` cuts the create's connection after N events.
 *
 * A foreground decode stops at the per-request limit (HOP_OUTPUT_TOKENS) with status
 * `requires_continuation` and a `continuation_token`; the SDK's automatic continuation then sends
 * the same body with the token (and, when stored, `previous_interaction_id` instead of `input`),
 * and the next hop, a new interaction, carries on where the last stopped. Background runs continue
 * server-side and never stop there.
 */
import { findModel, supportsMethod } from "@/lib/emulator/catalogue/catalogue";
import { interactionsOnly } from "@/lib/emulator/catalogue/model-rules";
import type { Directives } from "@/lib/emulator/native/directives";
import type { ApiVersion } from "@/lib/emulator/types";
import { modelNotFound } from "@/lib/emulator/validation/errors";
import { conversationOf, previousConversation } from "./conversation";
import { answerCreate } from "./create-answer";
import type { InteractionsContext } from "./interaction-context";
import { badRequest, toInteractionsError } from "./interaction-errors";
import { newContinuationToken, newInteractionId } from "./interaction-ids";
import { callsIn, inputSteps, stepsToContents } from "./interaction-input";
import { InteractionRecord } from "./interaction-record";
import type { CreateRequest } from "./interaction-request";
import { InteractionRun, type Script } from "./interaction-run";
import { type ModelScript, modelScript } from "./model-script";
import { errorAfterChunks, generateNative, type PlannedGeneration } from "./native-generation";
import { nativeBody } from "./native-request";

/**
 * Output tokens one foreground request decodes before it hands back a continuation token. Google
 * does not publish its per-request decode limit; this one is reached only by long answers
 * (`#emulator tokens=` above it), which is where clients meet the real one.
 */
export const HOP_OUTPUT_TOKENS = 8192;

/** A decode cut at the per-request limit, kept until a hop resumes it. */
export interface Continuation {
  generation: PlannedGeneration;
  resumeAt: number;
  decoded: number;
  /**
   * The hop that issued the token (a stored next hop names it as previous); its conversation,
   * output included, is what the next hop continues.
   */
  issuer: InteractionRecord;
}

function modelFor(id: string, version: ApiVersion) {
  const listed = findModel(id);
  if (listed && interactionsOnly(listed)) {
    throw badRequest(`${id} is an agent: name it in "agent", not "model".`);
  }
  if (!listed || !supportsMethod(listed, "generateContent")) {
    throw toInteractionsError(modelNotFound(id, "CreateInteraction", version));
  }
  return listed;
}

export async function createModelInteraction(
  context: InteractionsContext,
  request: CreateRequest,
): Promise<Response> {
  const modelId = String(request.model);
  const listed = modelFor(modelId, context.version);
  if (request.continuationToken !== undefined) return continueDecode(context, request);

  const history = previousConversation(context, request.previousInteractionId);
  const steps = inputSteps(request.input);
  const turn = stepsToContents(steps, callsIn(history));
  const contents = [...history, ...turn];
  const background = request.background;
  const outcome = await generateNative(listed, nativeBody(request, contents), context, {
    background,
    stream: request.stream,
  });
  const record = new InteractionRecord({
    id: newInteractionId(),
    model: modelId,
    ...(request.previousInteractionId && { previousInteractionId: request.previousInteractionId }),
    background,
    stored: request.store,
    inputSteps: steps,
    history,
    turn,
  });
  if (outcome.kind === "failed") {
    // A background run whose prompt injected an error fails once its `delay=` is over.
    const { directives, error } = outcome;
    const atMs = directives.delayMs ?? 0;
    const script: Script = { events: [], end: { atMs, status: "failed", error } };
    return start(context, request, record, { script, outputTokens: 0 }, undefined, 0, directives);
  }
  const { generation } = outcome;
  const { directives } = generation;
  const error = errorAfterChunks(generation, context.version);
  const planned = modelScript(generation, {
    ...(background && directives.delayMs && { offsetMs: directives.delayMs }),
    ...(error && { error, chunkLimit: directives.after ?? 0 }),
    ...(!background && { hopTokens: HOP_OUTPUT_TOKENS }),
  });
  return start(context, request, record, planned, generation, 0, directives);
}

async function start(
  context: InteractionsContext,
  request: CreateRequest,
  record: InteractionRecord,
  planned: ModelScript,
  generation: PlannedGeneration | undefined,
  decodedBefore: number,
  directives: Directives | undefined,
): Promise<Response> {
  context.store.add(record);
  const run = new InteractionRun(record, planned.script);
  if (generation && planned.resumeAt !== undefined) {
    const token = newContinuationToken();
    planned.script.end.continuationToken = token;
    context.store.saveContinuation(token, {
      generation,
      resumeAt: planned.resumeAt,
      decoded: decodedBefore + planned.outputTokens,
      issuer: record,
    } satisfies Continuation);
  }
  run.start();
  return answerCreate(context, {
    record,
    run,
    stream: request.stream,
    ...(directives?.disconnect !== undefined && { disconnectAfter: directives.disconnect }),
    ...(directives?.capped && { capped: directives.capped }),
  });
}

/**
 * A continuation hop: the token names a decode this emulator cut; a stored hop also names the
 * interaction that issued it as `previous_interaction_id` (the SDK sends both, without `input`).
 */
async function continueDecode(
  context: InteractionsContext,
  request: CreateRequest,
): Promise<Response> {
  const token = String(request.continuationToken);
  const state = context.store.takeContinuation(token) as Continuation | undefined;
  if (!state) throw badRequest("Invalid continuation_token: it names no decode to resume.");
  if (
    request.previousInteractionId !== undefined &&
    request.previousInteractionId !== state.issuer.id
  ) {
    context.store.saveContinuation(token, state);
    throw badRequest(
      `continuation_token was issued by interaction ${state.issuer.id}, not ${request.previousInteractionId}.`,
    );
  }
  context.log.setPrompt(state.generation.userText);
  const record = new InteractionRecord({
    id: newInteractionId(),
    model: String(request.model),
    ...(request.previousInteractionId && { previousInteractionId: request.previousInteractionId }),
    background: false,
    stored: request.store,
    inputSteps: [],
    history: conversationOf(state.issuer),
    turn: [],
  });
  const planned = modelScript(state.generation, {
    fromChunk: state.resumeAt,
    hopTokens: HOP_OUTPUT_TOKENS,
    decodedBefore: state.decoded,
  });
  return start(context, request, record, planned, state.generation, state.decoded, undefined);
}
