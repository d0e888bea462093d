/**
 * `#emulator corpus=NAME`: answers that real models do send and that break streaming renderers —
 * one enormous line, minified JSON, lines dense with markdown's escape and emphasis characters,
 * a thousand-row table, a five-thousand-line code block, a fence left open until the end, deep
 * nesting, heavy math, ten thousand short paragraphs, and a mix of them. Deterministic, so a
 * benchmark streams the same text every run and a test can compare what arrived with what was
 * sent, character for character.
 */
import { mulberry32 } from "@/lib/emulator/hash";

export const CORPUS_NAMES = [
  "line",
  "json",
  "escapes",
  "table",
  "code",
  "open-fence",
  "nested",
  "math",
  "paragraphs",
  "mixed",
] as const;
export type CorpusName = (typeof CORPUS_NAMES)[number];

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
const int = (r: Rand, below: number) => Math.floor(r() * below);

const WORDS =
  "value index token stream parse render table column cache retry quota model prompt answer chunk schema field layout frame".split(
    " ",
  );
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** 200,000 characters with no space or newline: a base64 blob, as a model pastes one. */
function longLine(r: Rand, chars = 200_000): string {
  let out = "";
  while (out.length < chars) out += ALNUM[int(r, ALNUM.length)];
  return out;
}

function jsonRecords(r: Rand, chars: number): string {
  const records: unknown[] = [];
  let size = 2;
  for (let id = 1; size < chars; id++) {
    const record = {
      user_id: id,
      display_name: `${pick(r, WORDS)}_${pick(r, WORDS)}_${id}`,
      path: `C:\\Users\\${pick(r, WORDS)}\\AppData\\Local\\${pick(r, WORDS)}\\cache_${id}.bin`,
      tags: [pick(r, WORDS), `*${pick(r, WORDS)}*`, `__${pick(r, WORDS)}__`],
      score: Math.round(r() * 10_000) / 100,
      nested: { ok: r() < 0.5, note: `\`${pick(r, WORDS)}\` | ${pick(r, WORDS)}` },
    };
    records.push(record);
    size += JSON.stringify(record).length + 1;
  }
  return JSON.stringify({ records });
}

/** Minified JSON of 100 kB on one line, after a sentence; the way a model answers "as JSON". */
function json(r: Rand): string {
  return `Here is the export, minified:\n\n${jsonRecords(r, 100_000)}\n`;
}

const ESCAPE_PIECES = [
  () => "C:\\Program Files\\Gemini\\bin\\",
  () => "\\\\server\\share\\logs\\",
  () => "**bold**",
  () => "*star*",
  () => "__dunder__",
  () => "_under_",
  () => "`code`",
  () => "``tick`tick``",
  () => "\\*not emphasis\\*",
  () => "\\_",
  () => "a*b*c",
  () => "x_y_z",
  () => "\\`",
  () => "***",
  () => "___",
];

/** Long lines dense with backslashes, asterisks, underscores and backticks. */
function escapes(r: Rand): string {
  const lines: string[] = ["Paths and patterns from the log, as found:", ""];
  for (let i = 0; i < 60; i++) {
    let line = "";
    while (line.length < 1_000) line += `${pick(r, ESCAPE_PIECES)()} `;
    lines.push(line.trimEnd());
    // Groups of three long lines make a paragraph, as log excerpts do.
    if (i % 3 === 2) lines.push("");
  }
  return lines.join("\n");
}

/** A table of 1,000 rows, with inline code, emphasis and escaped pipes in its cells. */
function table(r: Rand): string {
  const rows = ["| # | name | status | path | score |", "|---:|---|:---:|---|---:|"];
  for (let i = 1; i <= 1_000; i++) {
    const status = pick(r, ["**ok**", "_pending_", "`failed`", "ok", "skipped \\| later"]);
    rows.push(
      `| ${i} | ${pick(r, WORDS)} ${pick(r, WORDS)} | ${status} | \`/srv/${pick(r, WORDS)}/${i}\` | ${(r() * 100).toFixed(2)} |`,
    );
  }
  return `The full results:\n\n${rows.join("\n")}\n\nThat is every row.`;
}

function codeLine(r: Rand, i: number): string {
  const indent = "  ".repeat(int(r, 4));
  switch (i % 5) {
    case 0:
      return `${indent}export function ${pick(r, WORDS)}${i}(input: string): number {`;
    case 1:
      return `${indent}const ${pick(r, WORDS)} = "${pick(r, WORDS)}\\n" + input.slice(${int(r, 100)});`;
    case 2:
      return `${indent}// ${pick(r, WORDS)} ${pick(r, WORDS)} *${pick(r, WORDS)}* _${pick(r, WORDS)}_ \`x\``;
    case 3:
      return `${indent}if (${pick(r, WORDS)}.length > ${int(r, 1000)}) return ${int(r, 10)};`;
    default:
      return `${indent}}`;
  }
}

/** A 5,000-line TypeScript block. */
function code(r: Rand): string {
  const lines = Array.from({ length: 5_000 }, (_, i) => codeLine(r, i));
  return `The generated module:\n\n\`\`\`ts\n${lines.join("\n")}\n\`\`\`\n\nIt compiles as is.`;
}

/**
 * A Python fence that stays open until the very end, holding text that looks like markdown
 * (headings, list items, pipes, emphasis) which must stay code while the fence is open.
 */
function openFence(r: Rand): string {
  const lines: string[] = [];
  for (let i = 0; lines.join("\n").length < 60_000; i++) {
    switch (i % 6) {
      case 0:
        lines.push(`# ${pick(r, WORDS)} section ${i}`);
        break;
      case 1:
        lines.push(`- not a list item ${pick(r, WORDS)}`);
        break;
      case 2:
        lines.push(`| not | a | table | ${i} |`);
        break;
      case 3:
        lines.push(`print("**${pick(r, WORDS)}** _${pick(r, WORDS)}_ \\\\ ${i}")`);
        break;
      case 4:
        lines.push(`    ${pick(r, WORDS)}_${i} = [${int(r, 99)}, ${int(r, 99)}]  # > quote?`);
        break;
      default:
        lines.push("");
    }
  }
  return `Run this:\n\n\`\`\`python\n${lines.join("\n")}\n\`\`\``;
}

/** Lists eight deep, inside block quotes three deep, and quotes inside list items. */
function nested(r: Rand): string {
  const out: string[] = [];
  for (let group = 0; out.join("\n").length < 50_000; group++) {
    const quote = "> ".repeat(group % 4);
    out.push(`${quote}**Group ${group}**`, quote.trimEnd());
    for (let depth = 0; depth < 8; depth++) {
      const marker = depth % 2 === 0 ? "-" : `${depth}.`;
      const item = `${pick(r, WORDS)} ${pick(r, WORDS)} with \`${pick(r, WORDS)}\` and *${pick(r, WORDS)}*`;
      out.push(`${quote}${"    ".repeat(depth)}${marker} ${item}`);
      if (depth === 5) out.push(`${quote}${"    ".repeat(depth + 1)}> quoted inside the list`);
    }
    out.push("");
  }
  return out.join("\n");
}

const FORMULAS = [
  "\\frac{a}{b}",
  "\\sum_{i=1}^{n} x_i^2",
  "\\int_0^\\infty e^{-x^2}\\,dx",
  "\\sqrt{\\alpha^2 + \\beta^2}",
  "\\mathbb{E}[X] = \\mu",
  "\\nabla \\cdot \\mathbf{F} = 0",
  "\\binom{n}{k}",
  "\\lim_{h \\to 0} \\frac{f(x+h) - f(x)}{h}",
];

/** Inline formulas in every sentence, and a display block every few paragraphs. */
function math(r: Rand): string {
  const out: string[] = [];
  for (let i = 0; out.join("\n").length < 40_000; i++) {
    out.push(
      `Step ${i}: with $${pick(r, FORMULAS)}$ and $${pick(r, FORMULAS)}$ we get $x_{${i}} = ${pick(r, FORMULAS)}$.`,
      "",
    );
    if (i % 3 === 0) {
      out.push(
        "$$",
        `\\begin{aligned} f_{${i}}(x) &= ${pick(r, FORMULAS)} \\\\ &= ${pick(r, FORMULAS)} \\end{aligned}`,
        "$$",
        "",
      );
    }
  }
  return out.join("\n");
}

/** 10,000 short paragraphs. */
function paragraphs(r: Rand): string {
  return Array.from({ length: 10_000 }, (_, i) => `${i + 1}. ${pick(r, WORDS)} holds.`)
    .map((line) => line.replace(/^(\d+)\./, "$1\\."))
    .join("\n\n");
}

/** About 60,000 characters of prose, code, tables, a long JSON line and a line of paths. */
function mixed(r: Rand): string {
  const parts: string[] = ["## Findings", ""];
  const paths = Array.from(
    { length: 60 },
    (_, i) => `C:\\Users\\dev\\src\\${pick(r, WORDS)}\\${pick(r, WORDS)}_${i}.ts`,
  );
  for (let i = 0; parts.join("\n").length < 58_000; i++) {
    parts.push(
      `${pick(r, WORDS)} ${pick(r, WORDS)} **${pick(r, WORDS)}** is *${pick(r, WORDS)}* when \`${pick(r, WORDS)}\` grows.`,
      "",
      "```ts",
      ...Array.from({ length: 12 }, (_, j) => codeLine(r, j)),
      "```",
      "",
      "| key | value |",
      "|---|---|",
      ...Array.from({ length: 8 }, (_, j) => `| ${pick(r, WORDS)}_${j} | ${int(r, 1000)} |`),
      "",
    );
    if (i === 3) parts.push(jsonRecords(r, 15_000), "");
    if (i === 6) parts.push(paths.join(" "), "");
  }
  return parts.join("\n");
}

const BUILDERS: Record<CorpusName, (r: Rand) => string> = {
  line: longLine,
  json,
  escapes,
  table,
  code,
  "open-fence": openFence,
  nested,
  math,
  paragraphs,
  mixed,
};

const cache = new Map<CorpusName, string>();

export function corpusText(name: CorpusName): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = BUILDERS[name](mulberry32(0x5eed + CORPUS_NAMES.indexOf(name)));
    cache.set(name, text);
  }
  return text;
}
