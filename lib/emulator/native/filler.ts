/**
 * Deterministic padding for `#emulator tokens=N`: headings, paragraphs, bulleted and numbered
 * lists, tables, quotes and fenced code in ts, python, json and bash, in a fixed cycle with seeded
 * wording, so long answers stress a streaming renderer the way real ones do.
 */
import { mulberry32 } from "@/lib/emulator/hash";

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

/** Rotated in this order, so a long answer has fenced code in several languages throughout. */
const CODE_SAMPLES = [
  [
    "```ts",
    "export async function* chunks(stream: ReadableStream<Uint8Array>) {",
    "  const reader = stream.getReader();",
    "  for (;;) {",
    "    const { done, value } = await reader.read();",
    "    if (done) return;",
    "    yield new TextDecoder().decode(value);",
    "  }",
    "}",
    "```",
  ],
  [
    "```python",
    "def tokens(text: str) -> int:",
    '    """Four characters make roughly one token."""',
    "    return -(-len(text) // 4)",
    "",
    'print(tokens("streaming"))',
    "```",
  ],
  ["```json", "{", '  "stream": true,', '  "chunks": 3,', '  "finishReason": "STOP"', "}", "```"],
  [
    "```bash",
    "npm run emulator -- --port 8787",
    'curl -N "http://localhost:8787/emulator/health"',
    "```",
  ],
];

const TABLE_ROWS = [
  ["Time to first chunk", "120 ms", "stable"],
  ["Chunks per second", "10", "paced"],
  ["Tokens per chunk", "40", "default"],
  ["Render time per chunk", "2 ms", "target"],
  ["Memory per message", "64 kB", "estimate"],
  ["Retries after 429", "1", "with delay"],
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function paragraph(random: () => number): string {
  const count = 2 + Math.floor(random() * 3);
  return Array.from({ length: count }, () => pick(random, SENTENCES)).join(" ");
}

function list(random: () => number, ordered: boolean): string {
  const items = Array.from({ length: 3 + Math.floor(random() * 2) }, () => pick(random, SENTENCES));
  return items.map((item, i) => `${ordered ? `${i + 1}.` : "-"} ${item}`).join("\n");
}

function table(random: () => number): string {
  const start = Math.floor(random() * TABLE_ROWS.length);
  const rows = [0, 1, 2].map((i) => TABLE_ROWS[(start + i) % TABLE_ROWS.length] as string[]);
  return [
    "| Measure | Value | Note |",
    "| --- | ---: | --- |",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/** A cycle of eight block kinds: every kind recurs every few hundred tokens, not just paragraphs. */
function block(random: () => number, index: number): string {
  const round = Math.floor(index / 8);
  switch (index % 8) {
    case 0:
      return `### Part ${round + 1}\n\n${paragraph(random)}`;
    case 1:
      return list(random, false);
    case 2:
      return (CODE_SAMPLES[round % CODE_SAMPLES.length] as string[]).join("\n");
    case 3:
      return paragraph(random);
    case 4:
      return table(random);
    case 5:
      return list(random, true);
    case 6:
      return `> ${pick(random, SENTENCES)}`;
    default:
      return `#### Notes ${round + 1}\n\n${paragraph(random)}`;
  }
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
