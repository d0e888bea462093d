/**
 * Deterministic padding for `#emulator tokens=N`: paragraphs, sub-headings, lists and the odd code
 * block, picked by a seeded generator, so long answers stress a renderer the way real ones do.
 */
import { mulberry32 } from "./hash";

const SENTENCES = [
  "Streaming lets a reader start on the first sentence while the rest is still being written.",
  "A renderer that re-parses the whole answer on every chunk slows down as the answer grows.",
  "Tables and fenced code are the usual places where half-finished markdown looks broken.",
  "Each chunk carries running usage totals, so a client can show cost before the answer ends.",
  "A stop button is only honest when the server also stops paying for the stream.",
  "Deterministic output turns flaky end-to-end tests into ordinary assertions.",
  "Long answers are a good test of scroll anchoring and of memory held per message.",
  "Retry hints belong in the error itself, so a client does not have to guess a delay.",
  "Comparing two models side by side is only fair when both see the same prompt.",
  "Saved prompts should reproduce the exact request that produced the answer on screen.",
  "Token counts here are estimates: four characters of text make roughly one token.",
  "A slow stream should still feel alive, with the newest words appearing smoothly.",
  "Keyboard users need to reach the stop button while text keeps arriving.",
  "Every paragraph in this filler is chosen by a seeded generator from a fixed list.",
  "Network hiccups mid-stream should end in a clear message, not a spinner that never stops.",
  "Large answers are where incremental rendering pays for itself.",
];

const CODE_SAMPLES = [
  ["```python", "def tokens(text: str) -> int:", "    return -(-len(text) // 4)", "```"],
  ["```json", '{ "stream": true, "chunks": 3 }', "```"],
  ["```bash", "npm run emulator -- --port 8787", "```"],
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function paragraph(random: () => number): string {
  const count = 2 + Math.floor(random() * 3);
  return Array.from({ length: count }, () => pick(random, SENTENCES)).join(" ");
}

function block(random: () => number, index: number): string {
  if (index % 4 === 0) return `### Part ${index / 4 + 1}\n\n${paragraph(random)}`;
  if (index % 7 === 3) {
    const items = Array.from({ length: 3 }, () => `- ${pick(random, SENTENCES)}`);
    return items.join("\n");
  }
  if (index % 11 === 6) return pick(random, CODE_SAMPLES).join("\n");
  return paragraph(random);
}

/** Appends blocks to `base` until it holds at least `minChars` characters. */
export function padMarkdown(base: string, minChars: number, seed: number): string {
  const random = mulberry32(seed);
  let text = base;
  for (let index = 0; text.length < minChars; index++) {
    text += `\n${block(random, index)}\n`;
  }
  return text;
}

/** Plain sentences, for answers that must stay valid JSON. */
export function fillerSentences(count: number, seed: number): string[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => pick(random, SENTENCES));
}
