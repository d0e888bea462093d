/**
 * generateContent and streamGenerateContent: validate, apply directives, check the media received,
 * plan, make any image or speech the model answers with, then render the plan as one pretty JSON
 * body or as paced SSE frames.
 */
import { type CatalogueModel, servedAs } from "@/lib/emulator/catalogue/catalogue";
import { checkThinking } from "@/lib/emulator/catalogue/thinking-rules";
import type { RouteContext } from "@/lib/emulator/context";
import { createFrameStream, type Frame } from "@/lib/emulator/frame-stream";
import { geminiImageSize } from "@/lib/emulator/media/image-sizes";
import { inspectMedia } from "@/lib/emulator/media/media-inputs";
import { renderImage, renderSpeech } from "@/lib/emulator/media/media-output";
import { outputKind } from "@/lib/emulator/media/output-kind";
import { speakerVoices } from "@/lib/emulator/media/speech-config";
import { contentText, lastUserContent } from "@/lib/emulator/text";
import type { GenerateRequest } from "@/lib/emulator/types";
import { EmulatorApiError, injectedError, invalidArgument } from "@/lib/emulator/validation/errors";
import { parseGenerateRequest } from "@/lib/emulator/validation/request-body";
import {
  baseHeaders,
  JSON_CONTENT_TYPE,
  jsonResponse,
  SSE_CONTENT_TYPE,
  sseFrame,
  toPrettyJson,
} from "@/lib/emulator/wire";
import { streamCandidates, unaryCandidates } from "./candidates";
import { chunkTokensFor } from "./chunking";
import { capPacing, type Directives, parseDirectives } from "./directives";
import { type GenerationPlan, planGeneration } from "./plan";
import { candidatesAsked, checkRequestRules } from "./request-rules";
import type { StreamChunk } from "./stream-chunks";

export async function generate(ctx: RouteContext, listed: CatalogueModel): Promise<Response> {
  const model = servedAs(listed);
  if (model.name.startsWith("models/lyria-")) {
    throw new EmulatorApiError(501, "The Gemini emulator does not compose music (Lyria) yet.");
  }
  const streaming = ctx.method === "streamGenerateContent";
  const request = parseGenerateRequest(ctx.body, model.name.slice(7), "GenerateContentRequest");
  const userText = contentText(lastUserContent(request.contents));
  ctx.log.setPrompt(userText);
  const directives = parseDirectives(userText, ctx.directiveCaps, model.name.slice(7));
  const config = request.generationConfig;
  checkLimits(request, model);
  checkThinking(model, config);
  checkRequestRules(request, model, ctx.body);
  const output = outputKind(model, config);
  const imageSize =
    output.kind === "image" ? geminiImageSize(config.imageConfig?.aspectRatio) : undefined;
  const voices = output.kind === "speech" ? speakerVoices(config.speechConfig) : undefined;

  if (directives.delayMs) await ctx.sleep(directives.delayMs);
  if (directives.error !== undefined && (!streaming || directives.after === undefined)) {
    throw injectedError(directives.error, ctx.target(), directives);
  }
  const media = await inspectMedia(request.contents, ctx.files);
  const plans: GenerationPlan[] = [];
  for (let candidate = 0; candidate < candidatesAsked(request); candidate++) {
    const plan = planGeneration(request, model, directives, {
      media: media.lines,
      output,
      files: ctx.files.tokenFacts,
      ...(imageSize && { imageSize }),
      candidate,
    });
    if (plan.prompt.total > model.inputTokenLimit) {
      throw invalidArgument(
        `The input token count (${plan.prompt.total}) exceeds the maximum number of tokens allowed (${model.inputTokenLimit}).`,
      );
    }
    const answers = !plan.blockReason && !plan.safetyBlocked;
    if (answers && imageSize) {
      plan.output = await renderImage(plan, request, model, imageSize, media.hashes);
    }
    if (answers && voices) plan.output = renderSpeech(request, voices, streaming);
    plans.push(plan);
  }
  const chunks = streamCandidates(plans, chunkTokensFor(directives));

  if (!streaming) return unary(ctx, plans, chunks, directives);
  return stream(ctx, chunks, directives);
}

async function unary(
  ctx: RouteContext,
  plans: GenerationPlan[],
  chunks: StreamChunk[],
  directives: Directives,
): Promise<Response> {
  // A unary call takes as long as the stream would have, so benchmarks see real latency.
  if (directives.rate) await ctx.sleep(pacedTimes(ctx, chunks, directives).at(-1) ?? 0);
  if (directives.disconnect !== undefined) {
    ctx.log.respond(200);
    const body = createFrameStream({
      frames: [],
      end: "disconnect",
      signal: ctx.signal,
      log: ctx.log,
    });
    return new Response(body, { headers: baseHeaders(JSON_CONTENT_TYPE, ctx.log.id) });
  }
  ctx.log.respond(200);
  ctx.log.finish("ok");
  return withCapped(jsonResponse(unaryCandidates(plans), ctx.log.id), directives);
}

function pacedTimes(ctx: RouteContext, chunks: StreamChunk[], directives: Directives): number[] {
  return capPacing(pacing(chunks, directives.rate), directives, ctx.directiveCaps?.streamMs);
}

/** Says which directives were clamped (offline mode's caps), so a surprised tester can see why. */
function withCapped(response: Response, directives: Directives): Response {
  if (directives.capped) response.headers.set("x-emulator-capped", directives.capped.join("; "));
  return response;
}

/** Cumulative send times: chunk i leaves once the tokens up to and including it are "generated". */
function pacing(chunks: StreamChunk[], rate: number | undefined): number[] {
  let tokens = 0;
  return chunks.map((chunk) => {
    tokens += chunk.tokens;
    return rate ? (tokens / rate) * 1000 : 0;
  });
}

function stream(ctx: RouteContext, chunks: StreamChunk[], directives: Directives): Response {
  if (ctx.url.searchParams.get("alt") !== "sse") return jsonArray(ctx, chunks);
  const times = pacedTimes(ctx, chunks, directives);
  let frames: Frame[] = chunks.map((chunk, index) => ({
    data: sseFrame(chunk.body),
    atMs: times[index] ?? 0,
  }));

  let closeOutcome: "ok" | "error" = "ok";
  if (directives.error !== undefined && directives.after !== undefined) {
    const error = injectedError(directives.error, ctx.target(), directives);
    frames = frames.slice(0, directives.after);
    frames.push({ data: sseFrame(error.toJSON()), atMs: frames.at(-1)?.atMs ?? 0 });
    closeOutcome = "error";
  }
  const cut = directives.disconnect;
  if (cut !== undefined) frames = frames.slice(0, cut);
  ctx.log.respond(200);
  const body = createFrameStream({
    frames,
    end: cut === undefined ? "close" : "disconnect",
    closeOutcome,
    signal: ctx.signal,
    log: ctx.log,
  });
  const headers = baseHeaders(SSE_CONTENT_TYPE, ctx.log.id);
  headers.set("cache-control", "no-cache");
  headers.set("content-disposition", "attachment");
  return withCapped(new Response(body, { headers }), directives);
}

/** streamGenerateContent without `alt=sse` answers one JSON array of the chunks. */
function jsonArray(ctx: RouteContext, chunks: StreamChunk[]): Response {
  ctx.log.respond(200);
  ctx.log.finish("ok");
  return new Response(toPrettyJson(chunks.map((chunk) => chunk.body)), {
    headers: baseHeaders(JSON_CONTENT_TYPE, ctx.log.id),
  });
}

function checkLimits(request: GenerateRequest, model: CatalogueModel): void {
  const max = request.generationConfig.maxOutputTokens;
  // proto3 cannot tell 0 from unset, so Google treats 0 as "no limit" and so do we.
  if (max !== undefined && max !== 0 && (max < 1 || max > model.outputTokenLimit)) {
    throw invalidArgument(
      `Unable to submit request because it has a maxOutputTokens value of ${max} but the supported range is from 1 (inclusive) to ${model.outputTokenLimit + 1} (exclusive). Update the value and try again.`,
    );
  }
}
