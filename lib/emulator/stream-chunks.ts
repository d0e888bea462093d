/**
 * Splits a plan into stream chunks. Usage rides on every chunk as running totals; early chunks
 * lack candidatesTokenCount; thoughts come first; only the last chunk has a finishReason.
 */
import type { GenerationPlan } from "./plan";
import { candidate, envelope, terminalOnly, usage } from "./response-shape";
import { sliceSafe } from "./text";
import { CHARS_PER_TOKEN, textTokens } from "./tokens";
import type { JsonObject, WirePart } from "./types";

export interface StreamChunk {
  body: JsonObject;
  /** Tokens this chunk adds, for pacing at a given rate. */
  tokens: number;
}

export function splitText(text: string, chunkTokens: number): string[] {
  const size = Math.max(1, chunkTokens) * CHARS_PER_TOKEN;
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    // A lone surrogate pair at the cut point would leave sliceSafe empty: take both halves.
    const piece = sliceSafe(rest, size) || rest.slice(0, 2);
    pieces.push(piece);
    rest = rest.slice(piece.length);
  }
  return pieces;
}

export function streamChunks(plan: GenerationPlan, chunkTokens: number): StreamChunk[] {
  const terminal = terminalOnly(plan);
  if (terminal) return [{ body: terminal, tokens: 0 }];
  const chunks: StreamChunk[] = [];
  const thoughtText = plan.thoughts?.text;
  // Unreturned thoughts are all spent before the first chunk, so they count in full at once.
  let thoughts = thoughtText === undefined ? (plan.thoughts?.tokens ?? 0) : 0;
  let shownThought = "";
  for (const piece of thoughtText === undefined ? [] : splitText(thoughtText, chunkTokens)) {
    shownThought += piece;
    thoughts = textTokens(shownThought);
    const part: WirePart = { text: piece, thought: true };
    chunks.push({
      body: envelope(plan, candidate([part], undefined), usage(plan, 0, thoughts)),
      tokens: textTokens(piece),
    });
  }

  const signature = plan.thoughts?.signature;
  const pieces = splitText(plan.answer, chunkTokens);
  if (pieces.length === 0 && !plan.emptyLastPart) pieces.push("");
  let shown = "";
  pieces.forEach((piece, index) => {
    shown += piece;
    const part: WirePart = { text: piece };
    if (index === 0 && signature && !plan.emptyLastPart) part.thoughtSignature = signature;
    const last = index === pieces.length - 1 && !plan.emptyLastPart;
    chunks.push({
      body: envelope(
        plan,
        candidate([part], last ? plan.finishReason : undefined),
        usage(plan, textTokens(shown), thoughts),
      ),
      tokens: textTokens(piece),
    });
  });
  if (plan.emptyLastPart) {
    const part: WirePart = signature ? { text: "", thoughtSignature: signature } : { text: "" };
    chunks.push({
      body: envelope(
        plan,
        candidate([part], plan.finishReason),
        usage(plan, textTokens(shown), thoughts),
      ),
      tokens: 0,
    });
  }
  return chunks;
}
