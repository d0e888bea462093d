import type { Turn } from "@/lib/prompt";
import { turnText } from "@/lib/run/turns";

/**
 * About how tall a turn will be once rendered, in px, from its text alone: the size a turn off
 * screen stands in with (`contain-intrinsic-size: auto <this>`) until it has been on screen once
 * and the browser remembers its real one. A fixed guess made a 200-turn conversation one tenth
 * of its real height at first: the scrollbar lied, the margin that reveals turns as they come
 * near took in five of them at once, and a scroll position to restore pointed elsewhere.
 *
 * Measured on the chat column (768 px wide, 16 px text): a line of prose holds about 84
 * characters and is 24 px tall; code and table rows are taller and never wrap; every block
 * adds a gap. User turns sit in a bubble at 85% of the width, with padding.
 */
const PROSE_CHARS_PER_LINE = 84;
const BUBBLE_CHARS_PER_LINE = 68;
const LINE_PX = 24;
const CODE_LINE_PX = 20;
const TABLE_ROW_PX = 37;
const BLOCK_GAP_PX = 12;
/** The sticky role header and the gap under it. */
const HEADER_PX = 38;
/** A code block's or a table's frame and toolbar. */
const FRAME_PX = 56;
const DISPLAY_MATH_PX = 48;

export function estimateTurnHeight(turn: Turn): number {
  const text = turnText(turn);
  if (turn.role === "user") return HEADER_PX + 24 + wrapped(text, BUBBLE_CHARS_PER_LINE);
  return HEADER_PX + estimateMarkdownHeight(text);
}

/** Lines of text at `perLine` characters each, as px. */
function wrapped(text: string, perLine: number): number {
  let lines = 0;
  for (const line of text.split("\n")) lines += Math.max(1, Math.ceil(line.length / perLine));
  return lines * LINE_PX;
}

function estimateMarkdownHeight(text: string): number {
  let px = 0;
  let fence = false;
  let math = false;
  let previous: "prose" | "code" | "table" | "blank" = "blank";
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed.startsWith("```")) {
      if (!fence) px += FRAME_PX + BLOCK_GAP_PX;
      fence = !fence;
      continue;
    }
    if (fence) {
      px += CODE_LINE_PX;
      continue;
    }
    if (trimmed === "$$") {
      if (!math) px += DISPLAY_MATH_PX + BLOCK_GAP_PX;
      math = !math;
      continue;
    }
    if (math) continue;
    if (trimmed === "") {
      previous = "blank";
      continue;
    }
    if (trimmed.startsWith("|")) {
      if (previous !== "table") px += FRAME_PX + BLOCK_GAP_PX;
      // The `| --- |` line under the header is no row of its own.
      if (!/^\|[\s:|-]+\|$/.test(trimmed)) px += TABLE_ROW_PX;
      previous = "table";
      continue;
    }
    if (previous === "blank") px += BLOCK_GAP_PX;
    px += Math.max(1, Math.ceil(trimmed.length / PROSE_CHARS_PER_LINE)) * LINE_PX;
    previous = "prose";
  }
  return px;
}
