/**
 * Renders a plan as GenerateContentResponse objects with Google's key order: `candidates`,
 * `usageMetadata`, `modelVersion`, `responseId`; in a candidate `content`, `finishReason`, `index`.
 * Streams (stream-chunks.ts) reuse these pieces.
 */
import type { GenerationPlan } from "./plan";
import { textTokens } from "./tokens";
import type { JsonObject, WirePart } from "./types";

const SAFETY_CATEGORIES = [
  "HARM_CATEGORY_HATE_SPEECH",
  "HARM_CATEGORY_DANGEROUS_CONTENT",
  "HARM_CATEGORY_HARASSMENT",
  "HARM_CATEGORY_SEXUALLY_EXPLICIT",
];

/** The first category is the one that tripped; the others pass, as in Google's answers. */
function safetyRatings(): JsonObject[] {
  return SAFETY_CATEGORIES.map(
    (category, index): JsonObject =>
      index === 0
        ? { blocked: true, category, probability: "MEDIUM" }
        : { category, probability: "NEGLIGIBLE" },
  );
}

export function usage(plan: GenerationPlan, candidates: number, thoughts: number): JsonObject {
  const result: JsonObject = { promptTokenCount: plan.prompt.total };
  if (candidates > 0) result.candidatesTokenCount = candidates;
  result.totalTokenCount = plan.prompt.total + candidates + thoughts;
  result.promptTokensDetails = plan.prompt.details.map((d) => ({ ...d }));
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
  if (plan.safetyBlocked) {
    const candidate = {
      content: {},
      finishReason: plan.finishReason,
      index: 0,
      safetyRatings: safetyRatings(),
    };
    return envelope(plan, candidate, usage(plan, 0, 0));
  }
  return undefined;
}

export function candidate(parts: WirePart[], finishReason: string | undefined): JsonObject {
  const result: JsonObject = { content: { parts: parts as JsonObject[], role: "model" } };
  if (finishReason) result.finishReason = finishReason;
  result.index = 0;
  return result;
}

function answerParts(plan: GenerationPlan): WirePart[] {
  const parts: WirePart[] = [];
  if (plan.thoughts?.text !== undefined) parts.push({ text: plan.thoughts.text, thought: true });
  const answer: WirePart = { text: plan.answer };
  if (plan.thoughts?.signature) answer.thoughtSignature = plan.thoughts.signature;
  parts.push(answer);
  return parts;
}

export function unaryResponse(plan: GenerationPlan): JsonObject {
  const terminal = terminalOnly(plan);
  if (terminal) return terminal;
  const thoughts = plan.thoughts?.tokens ?? 0;
  return envelope(
    plan,
    candidate(answerParts(plan), plan.finishReason),
    usage(plan, textTokens(plan.answer), thoughts),
  );
}
