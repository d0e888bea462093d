"use client";

import { useRef } from "react";
import { parseMarkdownIntoBlocks } from "streamdown";

/** The live tail grows to this many characters before its settled blocks are frozen. */
const FREEZE_AT = 2_000;
/** Blocks kept live at the end: the last may still grow, and the one before can still merge. */
const LIVE_BLOCKS = 2;

export interface FrozenSplit {
  /** Settled markdown, in chunks that never change again while this answer streams. */
  frozen: readonly string[];
  /** What is still being written: re-parsed on every update. */
  tail: string;
}

/**
 * Streamdown re-parses its whole input on every update (completing unterminated syntax, then
 * splitting it into blocks). For a long answer that is the whole answer, sixty times a second.
 * Here the settled start of a streaming answer is frozen into chunks, each rendered by its own
 * memoized Streamdown, so an update parses only the last few thousand characters.
 *
 * Only whole blocks are frozen, and only when they are followed by two more, so a block that a
 * later line could still change (a paragraph becoming a heading, a list growing) is never frozen.
 * If the text stops extending the frozen part (the answer was replaced, or citation markers
 * were inserted), everything starts over as one tail.
 */
export function useFrozenBlocks(text: string, streaming: boolean): FrozenSplit {
  const state = useRef<{ frozen: string[]; length: number }>({ frozen: [], length: 0 });
  let { frozen, length } = state.current;
  if (length > 0 && !startsWithChunks(text, frozen)) {
    frozen = [];
    length = 0;
  }
  let tail = text.slice(length);
  if (streaming && tail.length > FREEZE_AT) {
    const blocks = parseMarkdownIntoBlocks(tail);
    const settled = blocks.slice(0, -LIVE_BLOCKS).join("");
    if (settled !== "" && tail.startsWith(settled)) {
      frozen = [...frozen, settled];
      length += settled.length;
      tail = tail.slice(settled.length);
    }
  }
  state.current = { frozen, length };
  return { frozen, tail };
}

function startsWithChunks(text: string, chunks: readonly string[]): boolean {
  let at = 0;
  for (const chunk of chunks) {
    if (!text.startsWith(chunk, at)) return false;
    at += chunk.length;
  }
  return true;
}
