/**
 * The native generation up to its rendering: parse, directives, limits, thinking and per-model
 * rules, delay, injected errors, media checks, one plan per candidate, generated media; it ends
 * with the plans and the native stream chunks. generate.ts renders them as Gemini's JSON or SSE;
 * the other doors (openai/, interactions/) translate the same plans into their own shapes, so one
 * prompt gets the same answer through all of them.
 */
import { type CatalogueModel, servedAs } from "@/lib/emulator/catalogue/catalogue";
import { checkThinking } from "@/lib/emulator/catalogue/thinking-rules";
import type { RouteContext } from "@/lib/emulator/context";
import { geminiImageSize } from "@/lib/emulator/media/image-sizes";
import { inspectMedia } from "@/lib/emulator/media/media-inputs";
import { renderImage, renderSpeech } from "@/lib/emulator/media/media-output";
import { outputKind } from "@/lib/emulator/media/output-kind";
import { speakerVoices } from "@/lib/emulator/media/speech-config";
import { contentText, lastUserContent } from "@/lib/emulator/text";
import type { GenerateRequest } from "@/lib/emulator/types";
import { EmulatorApiError, injectedError, invalidArgument } from "@/lib/emulator/validation/errors";
import { parseGenerateRequest } from "@/lib/emulator/validation/request-body";
import { streamCandidates } from "./candidates";
import { chunkTokensFor } from "./chunking";
import { capPacing, type Directives, parseDirectives } from "./directives";
import { type GenerationPlan, planGeneration } from "./plan";
import { candidatesAsked, checkRequestRules } from "./request-rules";
import type { StreamChunk } from "./stream-chunks";

export interface NativeGeneration {
  plans: GenerationPlan[];
  chunks: StreamChunk[];
  directives: Directives;
}

export async function planAnswers(
  ctx: RouteContext,
  listed: CatalogueModel,
  streaming: boolean,
): Promise<NativeGeneration> {
  const model = servedAs(listed);
  if (model.name.startsWith("models/lyria-")) {
    throw new EmulatorApiError(501, "The Gemini emulator does not compose music (Lyria) yet.");
  }
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
  return { plans, chunks: streamCandidates(plans, chunkTokensFor(directives)), directives };
}

/** Cumulative send times of the native chunks, capped like the native stream's. */
export function pacedTimes(
  chunks: StreamChunk[],
  directives: Directives,
  streamMs: number | undefined,
): number[] {
  let tokens = 0;
  const times = chunks.map((chunk) => {
    tokens += chunk.tokens;
    return directives.rate ? (tokens / directives.rate) * 1000 : 0;
  });
  return capPacing(times, directives, streamMs);
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
