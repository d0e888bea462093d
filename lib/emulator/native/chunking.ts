/** How answer text is cut into stream chunks; the plan needs it too, for `safetyAfter=N`. */

import { sliceSafe } from "@/lib/emulator/text";
import type { Directives } from "./directives";
import { CHARS_PER_TOKEN } from "./tokens";

const DEFAULT_CHUNK_TOKENS = 40;

/** Paced streams default to ~10 events a second, which is how real ones feel. */
export function chunkTokensFor(directives: Directives): number {
  if (directives.chunk) return directives.chunk;
  if (directives.rate) return Math.min(60, Math.max(1, Math.round(directives.rate / 10)));
  return DEFAULT_CHUNK_TOKENS;
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
