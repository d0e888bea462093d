import "server-only";
import type { GenerateContentResponse } from "@google/genai";
import type { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { ChunkData, RunEvent, RunMeta } from "@/lib/run/events";
import type { UpstreamRequest } from "@/lib/wire/request";
import { gemini, upstreamName } from "./client";
import { streamBroken, toAppError } from "./errors";
import { generateImagesChunks } from "./generate-images";
import { hasInlineData, speechCollector, storeGeneratedMedia } from "./generated-media";

export interface RunOptions {
  requestId: string;
  /** Aborting it (Stop, a closed tab) ends the upstream request too. */
  signal: AbortSignal;
}

/**
 * A run as a stream of typed events, knowing nothing of HTTP: /api/run encodes it as SSE, and
 * whatever else consumes runs (several at once, or stored) takes the same values.
 *
 * The upstream request is opened before this resolves, so a request Gemini refuses outright
 * (429, 400, …) rejects here with its AppError, and the route can answer with that status
 * rather than a 200 stream. Once open, every failure is an `error` event, and the events always
 * end with a timing `meta` and `done`, unless the run was aborted, which ends them quietly.
 */
export async function openRun(
  upstream: UpstreamRequest,
  options: RunOptions,
): Promise<AsyncIterable<RunEvent>> {
  const { ai, simulated } = gemini();
  const model = upstream.params.model;
  const started = performance.now();
  let chunks: AsyncIterable<GenerateContentResponse | ChunkData>;
  try {
    chunks =
      upstream.method === "generateImages"
        ? await generateImagesChunks(upstream.params, options.signal)
        : await ai.models.generateContentStream({
            ...upstream.params,
            config: { ...upstream.params.config, abortSignal: options.signal },
          });
  } catch (error) {
    throw failure(error, model, options.requestId);
  }
  const meta: RunMeta = { requestId: options.requestId, model, simulated };
  return runEvents(chunks, { meta, started, signal: options.signal });
}

async function* runEvents(
  chunks: AsyncIterable<GenerateContentResponse | ChunkData>,
  run: { meta: RunMeta; started: number; signal: AbortSignal },
): AsyncGenerator<RunEvent> {
  const { meta, signal } = run;
  yield { type: "meta", data: meta };
  let firstChunkMs: number | null = null;
  const speech = speechCollector();
  try {
    for await (const chunk of chunks) {
      firstChunkMs ??= performance.now() - run.started;
      const data = speech.take(toChunkData(chunk));
      yield { type: "chunk", data: hasInlineData(data) ? await storeGeneratedMedia(data) : data };
    }
    const spoken = await speech.finish();
    if (spoken) yield { type: "chunk", data: spoken };
  } catch (error) {
    if (signal.aborted) return;
    const appError =
      firstChunkMs === null
        ? failure(error, meta.model, meta.requestId)
        : broken(error, meta.requestId);
    yield { type: "error", data: appError.body };
  }
  if (signal.aborted) return;
  const totalMs = performance.now() - run.started;
  yield { type: "meta", data: { ...meta, timing: { firstChunkMs, totalMs } } };
  yield { type: "done", data: {} };
}

/** Only the API's own fields travel: the SDK's wrapper also carries upstream HTTP headers. */
function toChunkData(chunk: GenerateContentResponse | ChunkData): ChunkData {
  const { candidates, promptFeedback, usageMetadata, modelVersion, responseId, createTime } = chunk;
  return { candidates, promptFeedback, usageMetadata, modelVersion, responseId, createTime };
}

function failure(error: unknown, model: string, requestId: string): AppError {
  const appError = toAppError(error, { model, upstream: upstreamName() });
  log(appError.status >= 500 ? "error" : "warn", "run failed", {
    requestId,
    model,
    code: appError.body.code,
    upstream: errorSummary(error),
  });
  return appError.withRequestId(requestId);
}

function broken(error: unknown, requestId: string): AppError {
  log("warn", "run stream broke", { requestId, upstream: errorSummary(error) });
  return streamBroken(upstreamName()).withRequestId(requestId);
}

function errorSummary(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
