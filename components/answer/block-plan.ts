/**
 * How an answer's markdown is cut into pieces for rendering, so that a streamed update costs
 * only the part that changed, whatever the model sends.
 *
 * Markdown renderers re-parse their whole input on every update. Here the settled start of an
 * answer is cut into pieces that never change again (each rendered by its own memoized
 * renderer), so an update parses only the last few thousand characters. A single block that is
 * itself huge — a 200,000-character line, a minified JSON document, a thousand-row table, five
 * thousand lines of code — can't be cut that way: formatting it takes longer than the page may
 * block, on every update. Such a block is a `large` piece, shown as its exact source text (the
 * person can ask for it formatted once it is complete).
 *
 * Pure and synchronous: `planBlocks` takes the previous plan and returns the next one.
 */

/** The live tail grows to this many characters before its settled blocks are cut off. */
export const SETTLE_AT = 2_000;
/** A block this long is shown as source text rather than formatted. */
export const LARGE_BLOCK = 8_000;
/** Blocks kept live at the end: the last may still grow, and the one before can still merge. */
const LIVE_BLOCKS = 2;
/** Settled small blocks are grouped into pieces of about this size. */
const GROUP_CHARS = 4_000;

export interface Piece {
  text: string;
  /** A block too long to format on every update: shown as source text. */
  large: boolean;
}

export interface BlockPlan {
  /** Pieces that never change again while the text only grows. */
  settled: readonly Piece[];
  /** Characters of the text the settled pieces cover. */
  consumed: number;
  /**
   * The tail starts with one growing large block, and its end was looked for up to here (0: the
   * tail is not a large block). Splitting it again on every update would parse it again.
   */
  largeTailAt: number;
  /** The rest of the text: still being written, or not worth cutting. */
  tail: Piece;
}

export const EMPTY_PLAN: BlockPlan = {
  settled: [],
  consumed: 0,
  largeTailAt: 0,
  tail: { text: "", large: false },
};

type Split = (markdown: string) => string[];

/**
 * The next plan for `text`. While `streaming`, the last blocks stay live; once it is not, every
 * block settles. If `text` no longer starts with the settled pieces (the answer was replaced,
 * citation markers were inserted), planning starts over.
 */
export function planBlocks(
  previous: BlockPlan,
  text: string,
  streaming: boolean,
  split: Split,
): BlockPlan {
  const base = extends_(text, previous) ? previous : EMPTY_PLAN;
  const rest = text.slice(base.consumed);
  if (base.largeTailAt > 0) {
    const end = largeBlockEnd(rest, base.largeTailAt);
    // Without an end, the block runs to the end of the text.
    if (end === null && streaming) {
      return { ...base, largeTailAt: rest.length, tail: { text: rest, large: true } };
    }
    const length = end ?? rest.length;
    const settled = [...base.settled, { text: rest.slice(0, length), large: true }];
    const next = { settled, consumed: base.consumed + length, largeTailAt: 0, tail: base.tail };
    return planBlocks(next, text, streaming, split);
  }
  if (rest.length <= SETTLE_AT)
    return { ...base, largeTailAt: 0, tail: { text: rest, large: false } };
  const blocks = split(rest);
  if (blocks.join("") !== rest)
    return { ...base, largeTailAt: 0, tail: { text: rest, large: false } };

  let live = streaming ? Math.min(LIVE_BLOCKS, blocks.length) : 0;
  // A large block followed by another is complete; one that is last is the one growing.
  if (live === 2 && isLarge(blocks.at(-2))) live = 1;
  const lastIsLarge = streaming && isLarge(blocks.at(-1));
  if (lastIsLarge) live = 1;

  const settled = [...base.settled, ...group(blocks.slice(0, blocks.length - live))];
  const consumed = base.consumed + blocks.slice(0, blocks.length - live).join("").length;
  const tailText = text.slice(consumed);
  return {
    settled,
    consumed,
    largeTailAt: lastIsLarge ? tailText.length : 0,
    tail: { text: tailText, large: lastIsLarge },
  };
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Where a large block at the start of `text` ends (the length of the block), or null while it
 * goes on; `from` is how far it was already searched. A fenced code block ends after its closing
 * fence; any other block — a table, a paragraph, a list — after a blank line (a list that goes
 * on after one is then shown as two lists, which is how a long list reads anyway). Only the new
 * text is searched, so a growing block costs a constant amount per update.
 */
export function largeBlockEnd(text: string, from: number): number | null {
  const fence = FENCE_OPEN.exec(text)?.[1];
  const start = resumeAt(text, from);
  if (fence) {
    const closing = new RegExp(`\\n {0,3}${fence[0]}{${fence.length},}[ \\t]*\\n`, "g");
    closing.lastIndex = Math.max(start, text.indexOf("\n"));
    const match = closing.exec(text);
    return match ? match.index + match[0].length : null;
  }
  const blank = /\n[ \t]*\n/g;
  blank.lastIndex = start;
  const match = blank.exec(text);
  return match ? match.index + match[0].length : null;
}

/**
 * Where to search again in `text`, searched up to `from`: a closing fence or blank line that was
 * only partly there then starts in the run of line breaks, whitespace and fence characters that
 * `from` ends (a fixed look-back would miss one cut after its indentation or trailing spaces).
 */
function resumeAt(text: string, from: number): number {
  let at = Math.min(from, text.length);
  while (at > 0 && "\n \t`~".includes(text[at - 1] as string)) at--;
  return at;
}

const isLarge = (block: string | undefined) => block !== undefined && block.length >= LARGE_BLOCK;

/** Small neighbours share a piece (fewer renderers); a large block is a piece of its own. */
function group(blocks: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  let run = "";
  for (const block of blocks) {
    if (isLarge(block)) {
      if (run) pieces.push({ text: run, large: false });
      run = "";
      pieces.push({ text: block, large: true });
      continue;
    }
    if (run.length + block.length > GROUP_CHARS && run) {
      pieces.push({ text: run, large: false });
      run = "";
    }
    run += block;
  }
  if (run) pieces.push({ text: run, large: false });
  return pieces;
}

// `extends` is a reserved word.
function extends_(text: string, plan: BlockPlan): boolean {
  let at = 0;
  for (const piece of plan.settled) {
    if (!text.startsWith(piece.text, at)) return false;
    at += piece.text.length;
  }
  // A large tail is not split again, so the text must go on from it too: a new answer that
  // replaces it is not part of it.
  return plan.largeTailAt === 0 || text.startsWith(plan.tail.text, at);
}
