import { parseMarkdownIntoBlocks } from "streamdown";
import { needsMath } from "./math-syntax";
import { startsTable } from "./table-rows";

/** Small neighbouring blocks are parsed together up to about this many characters. */
export const GROUP_CHARS = 300;

/**
 * Streamdown renders each block through its own markdown pipeline, and every parse has a fixed
 * cost (micromark combines its syntax extensions anew, GFM scans for bare links) that dwarfs a
 * one-line paragraph: an answer of short paragraphs paid it dozens of times per update.
 * Neighbours are joined into groups that close once they reach GROUP_CHARS, so every group but
 * the last stays the same string as the text grows, and its memoized block never renders again.
 * A block with math stays on its own: rebuilding the formulas of a whole group on each update
 * cost more than the parses saved (measured on the math corpus while each formula was a tree of
 * dozens of elements; now that it is one element holding KaTeX's markup, katex-cache.ts, the
 * rule is worth measuring again). A table stays on its own too, so that its rows can be cut into
 * groups of their own (table-rows.ts).
 */
export function groupedBlocks(markdown: string): string[] {
  const groups: string[] = [];
  let run = "";
  for (const block of parseMarkdownIntoBlocks(markdown)) {
    if (needsMath(block) || startsTable(block)) {
      if (run) groups.push(run);
      groups.push(block);
      run = "";
      continue;
    }
    run += block;
    if (run.length < GROUP_CHARS) continue;
    groups.push(run);
    run = "";
  }
  if (run) groups.push(run);
  return groups;
}
