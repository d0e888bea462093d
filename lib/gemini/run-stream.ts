import "server-only";
import type { GenerateContentResponse } from "@google/genai";
import type { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { modelKind } from "@/lib/models/kind";
import type { PromptDoc } from "@/lib/prompt";
import { type ChunkData, encodeEvent, type RunEvent } from "@/lib/run/events";
import { gemini, upstreamName } from "./client";
import { streamBroken, toAppError } from "./errors";
import { generateImagesChunks } from "./generate-images";
import { hasInlineData, speechCollector, storeGeneratedMedia } from "./generated-media";
import { type MediaLookup, toGenerateContentParameters } from "./request";

export interface RunOptions {
  requestId: string;
  /** The browser's request signal: closing the tab or pressing Stop aborts upstream too. */
  signal: AbortSignal;
  media?: MediaLookup;
}

/**
 * Open the upstream stream, then hand back the SSE body. Opening first means a request Gemini
 * rejects outright (429, 400, …) is answered with that HTTP status rather than a 200 stream.
 */
export async function startRun(doc: PromptDoc, options: RunOptions): Promise<ReadableStream> {
  const { ai, simulated } = gemini();
  const upstream = new AbortController();
  const abortUpstream = () => upstream.abort();
  options.signal.addEventListener("abort", abortUpstream, { once: true });
  const started = performance.now();
  const params = toGenerateContentParameters(doc, options.media);
  params.config = { ...params.config, abortSignal: upstream.signal };

  let chunks: AsyncGenerator<GenerateContentResponse | ChunkData>;
  try {
    chunks =
      modelKind(doc.model) === "imagen"
        ? await generateImagesChunks(doc, upstream.signal)
        : await ai.models.generateContentStream(params);
  } catch (error) {
    options.signal.removeEventListener("abort", abortUpstream);
    throw failure(error, doc, options.requestId);
  }

  const meta = { requestId: options.requestId, model: doc.model, simulated };
  const encoder = new TextEncoder();
  let firstChunkMs: number | null = null;
  const flush = flushPacer();
  const speech = speechCollector();

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: RunEvent) => controller.enqueue(encoder.encode(encodeEvent(event)));
      send({ type: "meta", data: meta });
      try {
        for await (const chunk of chunks) {
          firstChunkMs ??= performance.now() - started;
          const data = speech.take(toChunkData(chunk));
          send({
            type: "chunk",
            data: hasInlineData(data) ? await storeGeneratedMedia(data) : data,
          });
          await flush.afterWrite();
        }
        const spoken = await speech.finish();
        if (spoken) send({ type: "chunk", data: spoken });
      } catch (error) {
        if (upstream.signal.aborted) return closeQuietly(controller);
        const appError =
          firstChunkMs === null
            ? failure(error, doc, options.requestId)
            : broken(error, options.requestId);
        send({ type: "error", data: appError.body });
      } finally {
        options.signal.removeEventListener("abort", abortUpstream);
      }
      const totalMs = performance.now() - started;
      send({ type: "meta", data: { ...meta, timing: { firstChunkMs, totalMs } } });
      send({ type: "done", data: {} });
      controller.close();
    },
    cancel() {
      upstream.abort();
    },
  });
}

/**
 * Node corks a socket on write and uncorks it on nextTick. Chunks that arrive in one burst are
 * parsed in a single run of microtasks, so without a macrotask turn the first chunk would leave
 * together with the last. A turn after every chunk costs throughput under load, so the pacer
 * yields after the first chunk and then at most every few milliseconds: bounded latency, and
 * bursts still leave as a few large writes.
 */
function flushPacer(maxHoldMs = 4) {
  let lastYield = -1;
  return {
    async afterWrite(): Promise<void> {
      const now = performance.now();
      if (lastYield >= 0 && now - lastYield < maxHoldMs) return;
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    },
  };
}

/** Only the API's own fields travel: the SDK's wrapper also carries upstream HTTP headers. */
function toChunkData(chunk: GenerateContentResponse | ChunkData): ChunkData {
  const { candidates, promptFeedback, usageMetadata, modelVersion, responseId, createTime } = chunk;
  return { candidates, promptFeedback, usageMetadata, modelVersion, responseId, createTime };
}

function failure(error: unknown, doc: PromptDoc, requestId: string): AppError {
  const appError = toAppError(error, { model: doc.model, upstream: upstreamName() });
  log(appError.status >= 500 ? "error" : "warn", "run failed", {
    requestId,
    model: doc.model,
    code: appError.body.code,
    upstream: errorSummary(error),
  });
  return appError.withRequestId(requestId);
}

function broken(error: unknown, requestId: string): AppError {
  log("warn", "run stream broke", { requestId, upstream: errorSummary(error) });
  return streamBroken(upstreamName()).withRequestId(requestId);
}

function closeQuietly(controller: ReadableStreamDefaultController): void {
  try {
    controller.close();
  } catch {
    // Already closed by a cancel from the browser: nothing left to tell it.
  }
}

function errorSummary(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
