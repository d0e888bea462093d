/**
 * Decides what a generation will say and how it ends, before any byte is sent: the unary and the
 * streamed form are two renderings of one plan, which is why their texts are always equal.
 */
import { composeJsonAnswer, composeMarkdownAnswer, describeRequest } from "./answer";
import type { CatalogueModel } from "./catalogue";
import type { Directives } from "./directives";
import { fillerSentences, padMarkdown } from "./filler";
import { randomId } from "./hash";
import { sliceSafe } from "./text";
import { planThoughts, signsAlways, type ThoughtPlan } from "./thoughts";
import { CHARS_PER_TOKEN, countPromptTokens, textTokens } from "./tokens";
import type { GenerateRequest, TokenCount } from "./types";

export interface GenerationPlan {
  modelVersion: string;
  responseId: string;
  prompt: TokenCount;
  /** A blocked prompt: no candidate at all, only promptFeedback. */
  blockReason?: string;
  /** finish=SAFETY and friends: a candidate with empty content and a blocking rating. */
  safetyBlocked: boolean;
  thoughts?: ThoughtPlan;
  /** Gemini 3 streams end with a chunk whose only part is `{"text": ""}` (plus the signature). */
  emptyLastPart: boolean;
  answer: string;
  finishReason: string;
}

export function planGeneration(
  request: GenerateRequest,
  model: CatalogueModel,
  directives: Directives,
): GenerationPlan {
  const prompt = countPromptTokens(request);
  const echo = describeRequest(request, prompt.total);
  const seed = Number.parseInt(echo.fingerprint, 16);
  const base: Omit<GenerationPlan, "answer" | "finishReason"> = {
    modelVersion: request.model,
    responseId: randomId(),
    prompt,
    safetyBlocked: false,
    emptyLastPart: signsAlways(model),
  };
  if (directives.block) {
    return { ...base, blockReason: directives.block, answer: "", finishReason: "" };
  }
  if (directives.finish === "SAFETY") {
    return { ...base, safetyBlocked: true, answer: "", finishReason: "SAFETY" };
  }

  const config = request.generationConfig;
  const json = config.responseMimeType === "application/json";
  let answer = json ? composeJsonAnswer(echo) : composeMarkdownAnswer(echo);
  if (directives.tokens !== undefined) {
    answer = sizeAnswer(answer, directives.tokens * CHARS_PER_TOKEN, json, echo, seed);
  }

  let finishReason = directives.finish ?? "STOP";
  const stopAt = firstStop(answer, config.stopSequences);
  if (stopAt !== undefined) answer = answer.slice(0, stopAt);
  const limit = config.maxOutputTokens;
  if (limit !== undefined && limit > 0 && textTokens(answer) > limit) {
    answer = sliceSafe(answer, limit * CHARS_PER_TOKEN);
    finishReason = "MAX_TOKENS";
  }
  const thoughts = planThoughts(echo, model, config, directives.thoughts, seed);
  return thoughts ? { ...base, thoughts, answer, finishReason } : { ...base, answer, finishReason };
}

/** Exactly `chars` characters (so exactly N tokens) of markdown; JSON is padded but never cut. */
function sizeAnswer(
  answer: string,
  chars: number,
  json: boolean,
  echo: ReturnType<typeof describeRequest>,
  seed: number,
): string {
  if (!json) return sliceSafe(padMarkdown(answer, chars, seed), chars);
  if (answer.length >= chars) return answer;
  return composeJsonAnswer(echo, fillerSentences(Math.ceil((chars - answer.length) / 70), seed));
}

function firstStop(text: string, stops: string[] | undefined): number | undefined {
  let earliest: number | undefined;
  for (const stop of stops ?? []) {
    if (typeof stop !== "string" || stop === "") continue;
    const at = text.indexOf(stop);
    if (at >= 0 && (earliest === undefined || at < earliest)) earliest = at;
  }
  return earliest;
}
