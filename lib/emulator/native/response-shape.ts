/**
 * Renders a plan as GenerateContentResponse objects with Google's key order: `candidates`,
 * `usageMetadata`, `modelVersion`, `responseId`; in a candidate `content`, `finishReason`, `index`,
 * then `finishMessage`, `safetyRatings`, `groundingMetadata`, `urlContextMetadata`; in usage the
 * prompt, candidate and total counts, prompt details, candidate details (media answers), tool-use
 * counts, thoughts, service tier.
 * Streams (stream-chunks.ts) reuse these pieces.
 */

import type { JsonObject, ModalityTokenCount, WirePart } from "@/lib/emulator/types";
import type { GenerationPlan } from "./plan";
import { outputTokens } from "./tokens";

const SAFETY_CATEGORIES = [
  "HARM_CATEGORY_HATE_SPEECH",
  "HARM_CATEGORY_DANGEROUS_CONTENT",
  "HARM_CATEGORY_HARASSMENT",
  "HARM_CATEGORY_SEXUALLY_EXPLICIT",
];

/** The first category is the one that tripped; the others pass, as in Google's answers. */
export function safetyRatings(): JsonObject[] {
  return SAFETY_CATEGORIES.map(
    (category, index): JsonObject =>
      index === 0
        ? { blocked: true, category, probability: "MEDIUM" }
        : { category, probability: "NEGLIGIBLE" },
  );
}

export function usage(
  plan: GenerationPlan,
  candidates: number,
  thoughts: number,
  toolUse = 0,
  media?: ModalityTokenCount,
): JsonObject {
  const result: JsonObject = { promptTokenCount: plan.prompt.total };
  if (candidates > 0) result.candidatesTokenCount = candidates;
  result.totalTokenCount = plan.prompt.total + candidates + thoughts + toolUse;
  result.promptTokensDetails = plan.prompt.details.map((d) => ({ ...d }));
  // As in Google's image answers, only the media modality is itemised, not the caption's text.
  if (media && media.tokenCount > 0) result.candidatesTokensDetails = [{ ...media }];
  if (toolUse > 0) {
    result.toolUsePromptTokenCount = toolUse;
    result.toolUsePromptTokensDetails = [{ modality: "TEXT", tokenCount: toolUse }];
  }
  if (thoughts > 0) result.thoughtsTokenCount = thoughts;
  result.serviceTier = "standard";
  return result;
}

export function envelope(plan: GenerationPlan, candidate: JsonObject, usageMetadata: JsonObject) {
  return {
    candidates: [candidate],
    usageMetadata,
    modelVersion: plan.modelVersion,
    responseId: plan.responseId,
  };
}

/** Responses that are the same whether streamed or not: a single object either way. */
export function terminalOnly(plan: GenerationPlan): JsonObject | undefined {
  if (plan.blockReason) {
    const promptFeedback: JsonObject = { blockReason: plan.blockReason };
    if (plan.blockReason === "SAFETY") promptFeedback.safetyRatings = safetyRatings();
    return {
      promptFeedback,
      usageMetadata: usage(plan, 0, 0),
      modelVersion: plan.modelVersion,
      responseId: plan.responseId,
    };
  }
  if (plan.safetyBlocked)
    return envelope(plan, safetyCandidate(plan.finishReason), usage(plan, 0, 0));
  return undefined;
}

/** A blocked candidate: `"content": {}` with no parts, and the rating that blocked it. */
export function safetyCandidate(finishReason: string): JsonObject {
  return { content: {}, finishReason, index: 0, safetyRatings: safetyRatings() };
}

export interface CandidateExtras {
  /** Some Gemini 3 code-execution chunks carry no `index`. */
  noIndex?: boolean;
  finishMessage?: string;
  safetyRatings?: JsonObject[];
  groundingMetadata?: JsonObject;
  urlContextMetadata?: JsonObject;
}

export function candidate(
  parts: WirePart[],
  finishReason: string | undefined,
  extras: CandidateExtras = {},
): JsonObject {
  // A candidate whose thinking used up maxOutputTokens has no parts at all, only the role.
  const content: JsonObject =
    parts.length > 0 ? { parts: parts as JsonObject[], role: "model" } : { role: "model" };
  const result: JsonObject = { content };
  if (finishReason) result.finishReason = finishReason;
  if (!extras.noIndex) result.index = 0;
  if (extras.finishMessage) result.finishMessage = extras.finishMessage;
  if (extras.safetyRatings) result.safetyRatings = extras.safetyRatings;
  if (extras.groundingMetadata) result.groundingMetadata = extras.groundingMetadata;
  if (extras.urlContextMetadata) result.urlContextMetadata = extras.urlContextMetadata;
  return result;
}

function answerParts(plan: GenerationPlan): WirePart[] {
  const parts: WirePart[] = [];
  if (plan.thoughts?.text !== undefined) parts.push({ text: plan.thoughts.text, thought: true });
  if (plan.calls) return [...parts, ...plan.calls];
  if (plan.code) parts.push(plan.code.executable, plan.code.result);
  if (plan.noText) return parts;
  const answer: WirePart = { text: plan.answer };
  if (plan.textSignature) answer.thoughtSignature = plan.textSignature;
  parts.push(answer);
  return parts;
}

export function unaryResponse(plan: GenerationPlan): JsonObject {
  const terminal = terminalOnly(plan);
  if (terminal) return terminal;
  const output = plan.output;
  const textParts = answerParts(plan);
  const parts = output ? [...textParts, ...output.parts] : textParts;
  const candidates =
    textParts.filter((p) => !p.thought).reduce((sum, p) => sum + outputTokens(p), 0) +
    (output?.tokens ?? 0);
  const extras: CandidateExtras = {
    ...(plan.finishMessage && { finishMessage: plan.finishMessage }),
    ...(plan.safetyStop && { safetyRatings: safetyRatings() }),
    ...(plan.groundingMetadata && { groundingMetadata: plan.groundingMetadata }),
    ...(plan.urlContextMetadata && { urlContextMetadata: plan.urlContextMetadata }),
  };
  return envelope(
    plan,
    candidate(parts, plan.finishReason, extras),
    usage(
      plan,
      candidates,
      plan.thoughts?.tokens ?? 0,
      plan.toolUse?.tokens ?? 0,
      output && { modality: output.modality, tokenCount: output.tokens },
    ),
  );
}
