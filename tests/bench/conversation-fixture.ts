import type { PromptDoc, Turn } from "@/lib/prompt";
import type { PersistedState, STORAGE_KEY } from "@/lib/store/create-store";

/**
 * A long saved conversation, generated deterministically: `pairs` user/model exchanges whose text
 * adds up to exactly `totalChars`. User turns are plain questions (the UI shows them as text);
 * model turns are markdown with headings, code blocks, tables, lists and math (`$…$` inline and
 * `$$` display), as real answers are, and every one contains at least one table, one code block,
 * one inline formula and one display formula.
 */
export interface ConversationShape {
  pairs: number;
  totalChars: number;
}

/** The persist key, typed against the store's: a renamed key fails `tsc`, not the figures. */
const KEY: typeof STORAGE_KEY = "gemini-playground:draft";
const VERSION = 1;

/** mulberry32: tiny, seedable and good enough to vary sizes and picks. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;

const WORDS = (
  "stream render token model prompt answer chunk parse layout table column header cell code " +
  "block fence syntax highlight latency budget paint frame scroll anchor store selector hook " +
  "reducer event signal abort retry quota cache request response schema field value index"
).split(" ");

function sentence(r: Rand): string {
  const words = Array.from({ length: 8 + Math.floor(r() * 12) }, () => pick(r, WORDS));
  const text = words.join(" ");
  const withCode = r() < 0.3 ? `${text} \`${pick(r, WORDS)}()\`` : text;
  return `${withCode[0]?.toUpperCase()}${withCode.slice(1)}.`;
}

const paragraph = (r: Rand) =>
  Array.from({ length: 2 + Math.floor(r() * 4) }, () => sentence(r)).join(" ");

const LANGUAGES = ["ts", "python", "bash", "json", "sql", "go", "rust", "css"];

function codeBlock(r: Rand): string {
  const lines = Array.from({ length: 6 + Math.floor(r() * 14) }, (_, i) => {
    const indent = "  ".repeat(Math.floor(r() * 3));
    return `${indent}const ${pick(r, WORDS)}${i} = ${pick(r, WORDS)}("${pick(r, WORDS)}", ${Math.floor(r() * 1000)});`;
  });
  const fence = "```";
  return [`${fence}${pick(r, LANGUAGES)}`, ...lines, fence].join("\n");
}

function table(r: Rand): string {
  const columns = 3 + Math.floor(r() * 3);
  const header = Array.from({ length: columns }, () => pick(r, WORDS));
  const rows = Array.from({ length: 4 + Math.floor(r() * 6) }, () =>
    Array.from({ length: columns }, () =>
      r() < 0.5 ? pick(r, WORDS) : String(Math.floor(r() * 10_000)),
    ),
  );
  return [header, header.map(() => "---"), ...rows]
    .map((cells) => `| ${cells.join(" | ")} |`)
    .join("\n");
}

const SYMBOLS = ["x", "y", "n", "k", "\\alpha", "\\beta", "\\lambda", "t"];

/** A small TeX expression: what Gemini writes inline as `$…$`. */
function formula(r: Rand): string {
  const a = pick(r, SYMBOLS);
  const b = pick(r, SYMBOLS);
  const forms = [
    `${a}^2 + ${b}^2`,
    `\\frac{${a}}{${b} + ${Math.floor(r() * 9) + 1}}`,
    `\\sum_{i=1}^{${pick(r, ["n", "k", "N"])}} ${a}_i`,
    `\\sqrt{${a} ${b}}`,
    `O(${pick(r, ["n", "n \\log n", "n^2", "1"])})`,
  ];
  return pick(r, forms);
}

/** A paragraph with inline math in it. */
const mathParagraph = (r: Rand) =>
  `${sentence(r)} With $${formula(r)}$ and $${formula(r)}$, ${sentence(r).toLowerCase()}`;

/** Display math on lines of its own. */
const displayMath = (r: Rand) =>
  ["$$", `${formula(r)} = \\int_0^{${Math.floor(r() * 9) + 1}} ${formula(r)} \\, dt`, "$$"].join(
    "\n",
  );

function list(r: Rand): string {
  const ordered = r() < 0.5;
  return Array.from(
    { length: 3 + Math.floor(r() * 4) },
    (_, i) => `${ordered ? `${i + 1}.` : "-"} **${pick(r, WORDS)}**: ${sentence(r)}`,
  ).join("\n");
}

/** Exactly `length` characters of prose: ends a turn on budget without breaking any markdown. */
function prose(r: Rand, length: number): string {
  let text = "";
  while (text.length < length) text += `${sentence(r)} `;
  return text.slice(0, length);
}

function modelTurn(r: Rand, index: number, length: number): string {
  const blocks = [
    `## Answer ${index + 1}: ${sentence(r)}`,
    paragraph(r),
    codeBlock(r),
    mathParagraph(r),
    table(r),
    displayMath(r),
  ];
  const extras = [
    paragraph,
    paragraph,
    codeBlock,
    table,
    list,
    mathParagraph,
    displayMath,
    (x: Rand) => `### ${sentence(x)}`,
  ];
  let text = blocks.join("\n\n");
  for (;;) {
    const next = pick(r, extras)(r);
    if (text.length + 2 + next.length > length - 2) break;
    text += `\n\n${next}`;
  }
  const rest = length - text.length - 2;
  return rest > 0 ? `${text}\n\n${prose(r, rest)}` : text;
}

export function generateConversation(shape: ConversationShape, seed = 42): Turn[] {
  const r = random(seed);
  const perPair = shape.totalChars / shape.pairs;
  const turns: Turn[] = [];
  let written = 0;
  for (let i = 0; i < shape.pairs; i++) {
    // The last pair takes the remainder, so the total is exact whatever the rounding.
    const pairChars = i === shape.pairs - 1 ? shape.totalChars - written : Math.round(perPair);
    const userChars = Math.round(pairChars * (0.05 + r() * 0.3));
    const user = prose(r, userChars);
    const model = modelTurn(r, i, pairChars - userChars);
    turns.push({ role: "user", parts: [{ kind: "text", text: user }] });
    turns.push({ role: "model", parts: [{ kind: "text", text: model }] });
    written += user.length + model.length;
  }
  return turns;
}

export function conversationChars(turns: Turn[]): number {
  return turns.reduce(
    (n, t) => n + t.parts.reduce((m, p) => m + (p.kind === "text" ? p.text.length : 0), 0),
    0,
  );
}

/** A script that saves `contents` as the persisted draft (run it before the app reads it). */
export function seedScript(contents: Turn[]): string {
  const draft: PromptDoc = {
    version: 1,
    model: "gemini-2.5-flash",
    systemInstruction: "",
    contents,
    config: {},
    tools: {},
  };
  const state: PersistedState = {
    draft,
    promptText: "",
    attachments: [],
    modelSource: "default",
    settingsOpen: true,
    systemOpen: true,
    staleTurns: [],
    // Restored turns without the runs behind them: the answers show without figures.
    runs: {},
    runByTurn: {},
    chatRunId: null,
    compare: null,
    columnRuns: {},
    blind: null,
    votes: [],
    syncScroll: false,
    compact: false,
    savedChat: null,
    savedCompare: null,
  };
  const value = JSON.stringify({ state, version: VERSION });
  return `localStorage.setItem(${JSON.stringify(KEY)}, ${JSON.stringify(value)});`;
}
