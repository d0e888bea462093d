/**
 * Splits a plan into stream chunks, as Gemini streams them: thought summaries first (one section
 * per chunk), then function calls or code and its result, then the text; usage rides on every
 * chunk as running totals; only the last chunk has a finishReason. With grounding, every answer
 * chunk carries `"groundingMetadata": {}` and the last one the full metadata; URL context metadata
 * rides on the first answer chunk. Gemini 3 sends its code result without `index` and with
 * prompt-only usage, and ends with an empty text part. Media answers follow the text with one
 * chunk per media part (a whole image; speech in one-second pieces), billed as they arrive.
 */

import type { JsonObject, WirePart } from "@/lib/emulator/types";
import { splitText } from "./chunking";
import type { GenerationPlan } from "./plan";
import {
  type CandidateExtras,
  candidate,
  envelope,
  safetyCandidate,
  terminalOnly,
  usage,
} from "./response-shape";
import { outputTokens, textTokens } from "./tokens";

export { splitText } from "./chunking";

export interface StreamChunk {
  body: JsonObject;
  /** Tokens this chunk adds, for pacing at a given rate. */
  tokens: number;
}

interface Segment {
  parts: WirePart[];
  /** Gemini 3's code-result chunk: no `index`, usage with the prompt only. */
  bare?: boolean;
  /** A media chunk: what it bills, instead of counting its parts as text. */
  mediaTokens?: number;
}

function thoughtChunks(plan: GenerationPlan): StreamChunk[] {
  const sections = plan.thoughts?.sections ?? [];
  const tokens = plan.thoughts?.tokens ?? 0;
  const totalChars = sections.reduce((sum, section) => sum + section.length, 0);
  let shown = 0;
  return sections.map((section, index) => {
    shown += section.length;
    const running =
      index === sections.length - 1 ? tokens : Math.round((tokens * shown) / totalChars);
    const part: WirePart = { text: section, thought: true };
    return {
      body: envelope(plan, candidate([part], undefined), usage(plan, 0, Math.max(1, running))),
      tokens: textTokens(section),
    };
  });
}

function answerSegments(plan: GenerationPlan, chunkTokens: number): Segment[] {
  const gemini3 = plan.emptyLastPart;
  if (plan.calls) {
    return gemini3 ? [{ parts: plan.calls }, { parts: [{ text: "" }] }] : [{ parts: plan.calls }];
  }
  const segments: Segment[] = [];
  if (plan.code) {
    segments.push({
      parts: gemini3 ? [plan.code.executable, { text: "" }] : [plan.code.executable],
    });
    segments.push({ parts: [plan.code.result], bare: gemini3 });
  }
  const pieces = plan.noText ? [] : splitText(plan.answer, chunkTokens);
  if (pieces.length === 0 && !gemini3 && segments.length === 0 && !plan.noText) pieces.push("");
  pieces.forEach((piece, index) => {
    const part: WirePart = { text: piece };
    if (index === 0 && plan.textSignature && !gemini3) part.thoughtSignature = plan.textSignature;
    segments.push({ parts: [part] });
  });
  for (const { part, tokens } of plan.output?.chunks ?? []) {
    segments.push({ parts: [part], mediaTokens: tokens });
  }
  if (gemini3 && !plan.safetyStop) {
    const signature = plan.textSignature;
    segments.push({
      parts: [signature ? { text: "", thoughtSignature: signature } : { text: "" }],
    });
  }
  // Nothing left to say (thinking used up maxOutputTokens): one chunk still carries the finish.
  if (segments.length === 0 && plan.noText && !plan.output) segments.push({ parts: [] });
  return segments;
}

export function streamChunks(plan: GenerationPlan, chunkTokens: number): StreamChunk[] {
  const terminal = terminalOnly(plan);
  if (terminal) return [{ body: terminal, tokens: 0 }];
  const chunks = thoughtChunks(plan);
  const thoughts = plan.thoughts?.tokens ?? 0;
  const segments = answerSegments(plan, chunkTokens);
  const toolUse = plan.toolUse;
  let candidates = 0;
  let media = 0;
  segments.forEach((segment, index) => {
    const added =
      segment.mediaTokens ?? segment.parts.reduce((sum, part) => sum + outputTokens(part), 0);
    candidates += added;
    media += segment.mediaTokens ?? 0;
    const mediaCount = plan.output && { modality: plan.output.modality, tokenCount: media };
    const last = index === segments.length - 1 && !plan.safetyStop;
    const extras: CandidateExtras = { noIndex: segment.bare };
    if (plan.groundingMetadata) extras.groundingMetadata = last ? plan.groundingMetadata : {};
    if (index === 0 && plan.urlContextMetadata) extras.urlContextMetadata = plan.urlContextMetadata;
    const tools = toolUse && (toolUse.everyChunk || last) ? toolUse.tokens : 0;
    const counts = segment.bare
      ? usage(plan, 0, 0)
      : usage(plan, candidates, thoughts, tools, mediaCount);
    chunks.push({
      body: envelope(
        plan,
        candidate(segment.parts, last ? plan.finishReason : undefined, extras),
        counts,
      ),
      tokens: added,
    });
  });
  if (plan.safetyStop) {
    const tools = toolUse?.tokens ?? 0;
    chunks.push({
      body: envelope(plan, safetyCandidate("SAFETY"), usage(plan, candidates, thoughts, tools)),
      tokens: 0,
    });
  }
  return chunks;
}
