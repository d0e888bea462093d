import "server-only";
import { ApiError, type GenerateContentResponse } from "@google/genai";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { ChunkData, RunEvent, RunMeta } from "@/lib/run/events";
import type { RunApi } from "@/lib/wire/api";
import type { InteractionBodyOptions } from "@/lib/wire/interactions-request";
import type { UpstreamRequest } from "@/lib/wire/request";
import { gemini, upstreamName } from "./client";
import { isNetworkFailure, streamBroken, toAppError, upstreamTimeout } from "./errors";
import { generateImagesChunks } from "./generate-images";
import { hasInlineData, speechCollector, storeGeneratedMedia } from "./generated-media";
import { interactionsChunks } from "./interactions-run";
import { openaiChunks } from "./openai-run";
import { upstreamWaits, type Waited } from "./wait";

export interface RunOptions {
  requestId: string;
  /** Aborting it (Stop, a closed tab) ends the upstream request too. */
  signal: AbortSignal;
  /** The door the run goes through; the Gemini API unless given. */
  api?: RunApi;
  /** Through the Interactions API: stored at Google, following the interaction given. */
  interactions?: InteractionBodyOptions;
  /** How long Gemini may stay silent; the server's settings unless given (tests pass short ones). */
  timeouts?: { firstChunkMs?: number; idleMs?: number };
}

type UpstreamChunk = GenerateContentResponse | ChunkData;

/**
 * A run as a stream of typed events, knowing nothing of HTTP: /api/run encodes it as SSE, and
 * whatever else consumes runs (several at once, or stored) takes the same values.
 *
 * The opening `meta` comes at once, before Gemini is asked, so the browser knows the run started
 * however long Gemini takes. From then on every failure is an `error` event — a refusal before
 * the first chunk (429, 400, …), a Google error mid-stream, a cut connection, a wait that ran out
 * (no first chunk within `firstChunkMs`, or nothing for `idleMs` between chunks, which also ends
 * the upstream request at once) — and the events end with a timing `meta` and `done`, unless the
 * run was aborted, which ends them quietly.
 */
export async function* openRun(
  upstream: UpstreamRequest,
  options: RunOptions,
): AsyncGenerator<RunEvent> {
  const { simulated } = gemini();
  const env = serverEnv();
  const limits = {
    firstChunkMs: options.timeouts?.firstChunkMs ?? env.firstChunkTimeoutMs,
    idleMs: options.timeouts?.idleMs ?? env.idleTimeoutMs,
  };
  const { requestId, signal } = options;
  const model = upstream.params.model;
  const api = options.api ?? "gemini";
  const meta: RunMeta = { requestId, model, simulated, api };
  const started = performance.now();
  yield { type: "meta", data: meta };
  if (signal.aborted) return;

  // Ours to end: the caller's abort, a timeout, or the consumer leaving early all close it.
  const upstreamAbort = new AbortController();
  const endUpstream = () => upstreamAbort.abort();
  signal.addEventListener("abort", endUpstream, { once: true });
  let iterator: AsyncIterator<UpstreamChunk> | undefined;
  /** Every chunk was read: the upstream request is over, with nothing left to close. */
  let drained = false;
  let firstChunkMs: number | null = null;
  const speech = speechCollector();
  const firstDeadline = started + limits.firstChunkMs;
  const waits = upstreamWaits(signal);
  /** Waits on Gemini within the wait that applies now; a failure comes back as a value. */
  const upstreamStep = <T>(promise: Promise<T>): Promise<Waited<T>> =>
    waits.wait(promise, firstChunkMs === null ? firstDeadline - performance.now() : limits.idleMs);

  let failure: AppError | undefined;
  let end: Ending = { kind: "done" };
  try {
    const opened = await upstreamStep(
      openChunks(upstream, api, upstreamAbort.signal, options.interactions),
    );
    if (opened.kind !== "value") end = opened;
    else {
      iterator = opened.value[Symbol.asyncIterator]();
      for (;;) {
        const step = await upstreamStep(iterator.next());
        if (step.kind !== "value") end = step;
        if (step.kind !== "value" || step.value.done) {
          drained = step.kind === "value";
          break;
        }
        firstChunkMs ??= performance.now() - started;
        const data = speech.take(toChunkData(step.value.value));
        yield { type: "chunk", data: hasInlineData(data) ? await storeGeneratedMedia(data) : data };
      }
    }
    if (signal.aborted || end.kind === "aborted") return;
    if (end.kind === "timeout") {
      const wait = firstChunkMs === null ? "first" : "idle";
      const ms = wait === "first" ? limits.firstChunkMs : limits.idleMs;
      endUpstream();
      log("warn", "run timed out", { requestId, model, wait, ms });
      failure = upstreamTimeout(wait, ms, upstreamName()).withRequestId(requestId);
    } else if (end.kind === "error") {
      failure = upstreamFailure(end.error, { model, requestId, started: firstChunkMs !== null });
    } else {
      const spoken = await speech.finish();
      if (spoken) yield { type: "chunk", data: spoken };
    }
  } catch (error) {
    // Not Gemini's failure but ours (storing media, assembling speech): internal, logged in full.
    if (signal.aborted) return;
    failure = toAppError(error, { model, upstream: upstreamName(), requestId }).withRequestId(
      requestId,
    );
  } finally {
    waits.close();
    signal.removeEventListener("abort", endUpstream);
    // A drained stream has closed itself. Aborting it anyway costs an AbortError at every layer
    // that listens (ours, the SDK's, the fetch's) on every run, for nothing to close.
    if (!drained) {
      endUpstream();
      // A timed-out or abandoned read settles once the abort reaches it; nobody waits for it.
      iterator?.return?.().catch(() => undefined);
    }
  }
  if (signal.aborted) return;
  if (failure) yield { type: "error", data: failure.body };
  const totalMs = performance.now() - started;
  yield { type: "meta", data: { ...meta, timing: { firstChunkMs, totalMs } } };
  yield { type: "done", data: {} };
}

/** How the upstream side ended: all read, failed, out of time, or aborted by the caller. */
type Ending = Exclude<Waited<unknown>, { kind: "value" }> | { kind: "done" };

function openChunks(
  upstream: UpstreamRequest,
  api: RunApi,
  signal: AbortSignal,
  interactions?: InteractionBodyOptions,
): Promise<AsyncIterable<UpstreamChunk>> {
  if (upstream.method === "generateImages") return generateImagesChunks(upstream.params, signal);
  if (api === "openai") return openaiChunks(upstream.params, signal);
  if (api === "interactions") return interactionsChunks(upstream.params, signal, interactions);
  return gemini().ai.models.generateContentStream({
    ...upstream.params,
    config: { ...upstream.params.config, abortSignal: signal },
  });
}

/** Only the API's own fields travel: the SDK's wrapper also carries upstream HTTP headers. */
function toChunkData(chunk: UpstreamChunk): ChunkData {
  const { candidates, promptFeedback, usageMetadata, modelVersion, responseId, createTime } = chunk;
  return { candidates, promptFeedback, usageMetadata, modelVersion, responseId, createTime };
}

/**
 * What Gemini's side of the run failed with. A Google error keeps its identity wherever it
 * arrives (a 429 mid-stream is still a 429 with its retry delay); a network failure once chunks
 * flowed is a cut stream, not an unreachable server.
 */
function upstreamFailure(
  error: unknown,
  run: { model: string; requestId: string; started: boolean },
): AppError {
  const { model, requestId } = run;
  const cut = run.started && !(error instanceof ApiError) && isNetworkFailure(error);
  const appError = cut
    ? streamBroken(upstreamName())
    : keptSoFar(toAppError(error, { model, upstream: upstreamName(), requestId }), run.started);
  log(appError.status >= 500 ? "error" : "warn", cut ? "run stream broke" : "run failed", {
    requestId,
    model,
    code: appError.body.code,
    upstream: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  });
  return appError.withRequestId(requestId);
}

/** A Google error after chunks flowed ends the answer half-way; the person should know the half stays. */
function keptSoFar(error: AppError, started: boolean): AppError {
  if (!started) return error;
  return new AppError({
    ...error.body,
    message: `${error.message} What arrived before it is kept.`,
  });
}
