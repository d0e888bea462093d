import type { ReactNode } from "react";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
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

/**
 * Then the rest of the pipeline, which was as cold: the first update of the first answer ran
 * micromark, the GFM extensions, the sanitizer and React's first mount of every kind of element
 * in one task of 60–70 ms (the table answer). Each sample is rendered once, in an idle period of
 * its own, into an element that is never attached to the page; `rendered()` says an answer has
 * been drawn already, which warms the same code, so the rest is skipped.
 */
export function warmUpWhenIdle(render: (text: string) => ReactNode, rendered: () => boolean): void {
  if (typeof window === "undefined") return;
  let step = 0;
  const splitSteps = SAMPLES.length * PASSES;
  let root: Root | null = null;
  const next = () => {
    if (step < splitSteps) {
      // A different text each pass, in case results are cached by text.
      const wide = Math.floor(step / SAMPLES.length) % 2 === 1 ? WIDE : "";
      parseMarkdownIntoBlocks(`${SAMPLES[step % SAMPLES.length]}\n${step}${wide}\n`);
    } else if (!rendered()) {
      const sample = SAMPLES[step - splitSteps] as string;
      root ??= createRoot(document.createElement("div"));
      const into = root;
      flushSync(() => into.render(render(sample)));
    }
    step++;
    if (step < splitSteps + SAMPLES.length) whenIdle(next);
    else root?.unmount();
  };
  whenIdle(next);
}
