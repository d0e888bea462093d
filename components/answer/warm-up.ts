import { parseMarkdownIntoBlocks } from "streamdown";
import { whenIdle } from "@/lib/idle";

/**
 * One short sample of each kind of block the splitter tells apart. The splitter runs on every
 * update of a streaming answer, and the first runs of a page paid for it cold: V8 interprets a
 * regular expression at first and compiles it after, and a few thousand characters through the
 * lexer's dozens of rules that way took 40–115 ms (development machine), in the first updates
 * of the first answer. Run here when the page is idle, one kind per idle period, twice over.
 *
 * Twice for each way V8 stores a string: it compiles a regular expression separately for text of
 * Latin-1 characters only and for text with any other (an em dash, curly quotes, any non-Latin
 * script, or the zero-width space Streamdown appends after a trailing list marker while an
 * answer streams). Warmed on Latin-1 samples alone, the open-fence answer's first update with a
 * zero-width space still spent 62 ms in the splitter.
 */
const SAMPLES = [
  "# Heading\n\nA paragraph with **bold**, _emphasis_, `code` and a [link](https://example.com).\n",
  "Setext heading\n==============\n\nText\n---\n",
  "- item\n  - nested item\n1. first\n2. second\n   > quoted\n",
  "| a | b |\n| --- | :-: |\n| 1 | 2 |\n| 3 | 4 |\n",
  "> quote\n> > nested quote\n\n***\n",
  "```ts\nconst x = 1;\n```\n\n    indented code\n\n~~~\nopen fence",
  '<div class="x">html</div>\n\n[ref]: https://example.com "title"\n',
  "Inline $x^2$ and display:\n\n$$\n\\frac{a}{b}\n$$\n\nText[^1]\n\n[^1]: A note.\n",
];

/** Latin-1, then with a character beyond it, then both again. */
const PASSES = 4;
const WIDE = "\u2014";

export function warmUpWhenIdle(): void {
  if (typeof window === "undefined") return;
  let step = 0;
  const next = () => {
    // A different text each pass, in case results are cached by text.
    const wide = Math.floor(step / SAMPLES.length) % 2 === 1 ? WIDE : "";
    parseMarkdownIntoBlocks(`${SAMPLES[step % SAMPLES.length]}\n${step}${wide}\n`);
    step++;
    if (step < SAMPLES.length * PASSES) whenIdle(next);
  };
  whenIdle(next);
}
