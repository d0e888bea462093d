/**
 * candidateCount > 1: one plan per candidate, rendered as one response whose `candidates` are
 * numbered by `index` (0, 1, …) and whose usage counts them all: the prompt once, the candidates'
 * answer and thought tokens summed. Streams interleave them: chunk k carries the k-th chunk of
 * every candidate that still has one, with running totals over all of them.
 */
import type { JsonObject, JsonValue } from "@/lib/emulator/types";
import type { GenerationPlan } from "./plan";
import { unaryResponse } from "./response-shape";
import { type StreamChunk, streamChunks } from "./stream-chunks";

function firstCandidate(body: JsonObject): JsonObject | undefined {
  const list = body.candidates;
  const first = Array.isArray(list) ? list[0] : undefined;
  return first && typeof first === "object" && !Array.isArray(first) ? first : undefined;
}

/** Keeps Google's key order: the index stays where it was, and stays absent where it was. */
function reindex(candidate: JsonObject, index: number): JsonObject {
  return "index" in candidate ? { ...candidate, index } : candidate;
}

function count(usage: JsonObject | undefined, key: string): number {
  const value = usage?.[key];
  return typeof value === "number" ? value : 0;
}

function sumDetails(usages: JsonObject[]): JsonObject[] | undefined {
  const totals = new Map<string, number>();
  for (const usage of usages) {
    const details = usage.candidatesTokensDetails;
    if (!Array.isArray(details)) continue;
    for (const detail of details as JsonValue[]) {
      if (!detail || typeof detail !== "object" || Array.isArray(detail)) continue;
      const modality = String(detail.modality);
      totals.set(modality, (totals.get(modality) ?? 0) + count(detail, "tokenCount"));
    }
  }
  if (totals.size === 0) return undefined;
  return [...totals].map(([modality, tokenCount]) => ({ modality, tokenCount }));
}

/** The usage of several candidates in the key order of response-shape.ts's `usage`. */
export function mergeUsage(usages: JsonObject[]): JsonObject {
  const [first] = usages;
  if (!first) return {};
  const prompt = count(first, "promptTokenCount");
  const candidates = usages.reduce((sum, u) => sum + count(u, "candidatesTokenCount"), 0);
  const thoughts = usages.reduce((sum, u) => sum + count(u, "thoughtsTokenCount"), 0);
  const toolUse = count(first, "toolUsePromptTokenCount");
  const merged: JsonObject = { promptTokenCount: prompt };
  if (candidates > 0) merged.candidatesTokenCount = candidates;
  merged.totalTokenCount = prompt + candidates + thoughts + toolUse;
  if (first.promptTokensDetails) merged.promptTokensDetails = first.promptTokensDetails;
  const details = sumDetails(usages);
  if (details) merged.candidatesTokensDetails = details;
  if (toolUse > 0) {
    merged.toolUsePromptTokenCount = toolUse;
    if (first.toolUsePromptTokensDetails) {
      merged.toolUsePromptTokensDetails = first.toolUsePromptTokensDetails;
    }
  }
  if (thoughts > 0) merged.thoughtsTokenCount = thoughts;
  if (first.serviceTier) merged.serviceTier = first.serviceTier;
  return merged;
}

/** One body from each candidate's own (absent where that candidate has nothing to add). */
function combine(
  bodies: (JsonObject | undefined)[],
  usages: JsonObject[],
  lead: GenerationPlan,
): JsonObject {
  const candidates = bodies.flatMap((body, index) => {
    const candidate = body && firstCandidate(body);
    return candidate ? [reindex(candidate, index)] : [];
  });
  return {
    candidates,
    usageMetadata: mergeUsage(usages),
    modelVersion: lead.modelVersion,
    responseId: lead.responseId,
  };
}

const usageOf = (body: JsonObject | undefined): JsonObject => {
  const usage = body?.usageMetadata;
  return usage && typeof usage === "object" && !Array.isArray(usage) ? usage : {};
};

export function unaryCandidates(plans: GenerationPlan[]): JsonObject {
  const [lead] = plans;
  if (!lead) return {};
  const bodies = plans.map(unaryResponse);
  // A blocked prompt has no candidates to multiply.
  if (plans.length === 1 || !firstCandidate(bodies[0] ?? {})) return bodies[0] ?? {};
  return combine(bodies, bodies.map(usageOf), lead);
}

export function streamCandidates(plans: GenerationPlan[], chunkTokens: number): StreamChunk[] {
  const [lead] = plans;
  if (!lead) return [];
  const streams = plans.map((plan) => streamChunks(plan, chunkTokens));
  const [first] = streams;
  if (!first || plans.length === 1 || !firstCandidate(first[0]?.body ?? {})) return first ?? [];
  const length = Math.max(...streams.map((chunks) => chunks.length));
  return Array.from({ length }, (_, k) => ({
    body: combine(
      streams.map((chunks) => chunks[k]?.body),
      // Candidates that already finished still count, at their final totals.
      streams.map((chunks) => usageOf(chunks[Math.min(k, chunks.length - 1)]?.body)),
      lead,
    ),
    tokens: streams.reduce((sum, chunks) => sum + (chunks[k]?.tokens ?? 0), 0),
  }));
}
