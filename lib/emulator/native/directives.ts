/**
 * Prompt directives: a line `#emulator key=value …` in the last user turn steers the emulator
 * (faults, length, speed) so tests and benchmarks need no side channel. Only the last user turn
 * counts, so a chat that once asked for an error does not fail on every later turn. A typo is a
 * 400, not silently ignored, because a test that thinks it injected a fault must not pass by luck.
 */
import { INJECTABLE_STATUSES } from "@/lib/emulator/validation/errors";
import { CORPUS_NAMES, type CorpusName } from "./corpus";

export const BLOCK_REASONS = ["SAFETY", "OTHER", "BLOCKLIST", "PROHIBITED_CONTENT", "IMAGE_SAFETY"];

export const FINISH_REASONS = [
  "STOP",
  "MAX_TOKENS",
  "SAFETY",
  "RECITATION",
  "LANGUAGE",
  "OTHER",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "MALFORMED_FUNCTION_CALL",
  "IMAGE_SAFETY",
];

export interface Directives {
  /** HTTP status of an injected error. */
  error?: number;
  message?: string;
  /** Normalised to Google's duration form, e.g. `2s`. */
  retryDelay?: string;
  /** With `error`: stream this many chunks first, then send the error as an SSE event. */
  after?: number;
  tokens?: number;
  /** Tokens per second. */
  rate?: number;
  chunk?: number;
  delayMs?: number;
  disconnect?: number;
  block?: string;
  finish?: string;
  /** Thinking tokens a thinking model spends (0 turns thinking off). */
  thoughts?: number;
  /** Parallel function calls in one answer. */
  calls?: number;
  /** Break the response schema (JSON output, function args) on purpose. */
  invalid?: boolean;
  /** Code execution fails with a traceback. */
  codefail?: boolean;
  /** Append raw HTML and script links that a safe renderer must neutralise. */
  hostile?: boolean;
  /** Append inline and display LaTeX. */
  math?: boolean;
  /** Answer with a fixed hostile-but-real text instead of the echo (native/corpus.ts). */
  corpus?: CorpusName;
  /** Stream this many text chunks, then stop with finishReason SAFETY. */
  safetyAfter?: number;
  /** What `caps` clamped, e.g. `tokens=32768 (asked 1000000)`; absent when nothing was. */
  capped?: string[];
}

/**
 * Ceilings on what a prompt may ask of the emulator. The standalone emulator (tests, benchmarks)
 * has none; offline mode serves anyone who can reach the playground, so there one request must
 * not buy minutes of CPU or hold a connection for hours. A value over its cap is clamped (the
 * answer is shorter or sooner), never refused: the directive still does what it says, within bounds.
 */
export interface DirectiveCaps {
  /** Answer tokens, and thinking tokens. */
  tokens?: number;
  /** The `delay` before answering, in milliseconds. */
  delayMs?: number;
  /** How long a paced answer (`rate`) may take in all, in milliseconds: it is sped up to fit. */
  streamMs?: number;
}

const KNOWN_KEYS =
  "error, message, retryDelay, after, tokens, rate, chunk, delay, disconnect, block, finish, thoughts, calls, invalid, codefail, hostile, math, safetyAfter, corpus, model";

export class DirectiveError extends Error {
  constructor(message: string) {
    super(`Emulator directive: ${message}`);
    this.name = "DirectiveError";
  }
}

const LINE = /^\s*#emulator(?:\s|$)/;
const PAIR = /\s*([A-Za-z]+)=("(?:[^"\\]|\\.)*"|\S*)/y;

export function isDirectiveLine(line: string): boolean {
  return LINE.test(line);
}

/** Removes directive lines, so echoes quote only what a person wrote. */
export function stripDirectives(text: string): string {
  return text
    .split("\n")
    .filter((line) => !isDirectiveLine(line))
    .join("\n");
}

/**
 * The directives of `text` for a request to `model`. A line with `model=ID` applies only to
 * requests for that model, so one prompt sent to several models side by side (compare) can fail
 * in one column alone.
 */
export function parseDirectives(text: string, caps?: DirectiveCaps, model?: string): Directives {
  const directives: Directives = {};
  for (const line of text.split("\n")) {
    if (!isDirectiveLine(line)) continue;
    const body = line.replace(LINE, " ");
    const pairs: [string, string][] = [];
    let position = 0;
    for (;;) {
      PAIR.lastIndex = position;
      const match = PAIR.exec(body);
      if (!match) break;
      position = PAIR.lastIndex;
      pairs.push([match[1] ?? "", unquote(match[2] ?? "")]);
    }
    const rest = body.slice(position).trim();
    if (rest !== "") throw new DirectiveError(`cannot read "${rest}"; write key=value pairs`);
    const only = pairs.find(([key]) => key === "model")?.[1];
    if (only !== undefined && model !== undefined && only.replace(/^models\//, "") !== model) {
      continue;
    }
    for (const [key, value] of pairs) if (key !== "model") applyPair(directives, key, value);
  }
  return caps ? applyCaps(directives, caps) : directives;
}

function applyCaps(directives: Directives, caps: DirectiveCaps): Directives {
  const capped: string[] = [];
  const clamp = (key: "tokens" | "thoughts" | "delayMs", max: number | undefined) => {
    const asked = directives[key];
    if (asked === undefined || max === undefined || asked <= max) return;
    directives[key] = max;
    capped.push(`${key}=${max} (asked ${asked})`);
  };
  clamp("tokens", caps.tokens);
  clamp("thoughts", caps.tokens);
  clamp("delayMs", caps.delayMs);
  if (capped.length) directives.capped = capped;
  return directives;
}

/**
 * Send times scaled down so the last one is at most `maxMs`, noting the cap in `directives`:
 * a tiny `rate` with many tokens would otherwise hold a connection for hours.
 */
export function capPacing(times: number[], directives: Directives, maxMs?: number): number[] {
  const last = times.at(-1) ?? 0;
  if (maxMs === undefined || last <= maxMs) return times;
  directives.capped = [
    ...(directives.capped ?? []),
    `stream=${maxMs}ms (asked ${Math.round(last)}ms)`,
  ];
  return times.map((at) => (at * maxMs) / last);
}

function unquote(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  return raw.slice(1, -1).replace(/\\(.)/g, "$1");
}

function applyPair(directives: Directives, key: string, value: string): void {
  switch (key) {
    case "error":
      directives.error = oneOf(key, Number(value), INJECTABLE_STATUSES);
      return;
    case "message":
      directives.message = value;
      return;
    case "retryDelay":
      directives.retryDelay = `${positive(key, value.replace(/s$/, ""), true)}s`;
      return;
    case "after":
      directives.after = count(key, value);
      return;
    case "tokens":
      directives.tokens = Math.min(count(key, value, 1), 1_000_000);
      return;
    case "rate":
      directives.rate = positive(key, value.replace(/\/s$/, ""));
      return;
    case "chunk":
      directives.chunk = count(key, value, 1);
      return;
    case "delay":
      directives.delayMs = duration(key, value);
      return;
    case "disconnect":
      directives.disconnect = count(key, value);
      return;
    case "block":
      directives.block = oneOf(key, value, BLOCK_REASONS);
      return;
    case "finish":
      directives.finish = oneOf(key, value, FINISH_REASONS);
      return;
    case "thoughts":
      directives.thoughts = count(key, value);
      return;
    case "calls":
      directives.calls = Math.min(count(key, value, 1), 16);
      return;
    case "invalid":
    case "codefail":
    case "hostile":
    case "math":
      directives[key] = flag(key, value);
      return;
    case "safetyAfter":
      directives.safetyAfter = count(key, value);
      return;
    case "corpus":
      directives.corpus = oneOf(key, value as CorpusName, CORPUS_NAMES);
      return;
    default:
      throw new DirectiveError(`unknown key "${key}" (known: ${KNOWN_KEYS})`);
  }
}

function flag(key: string, value: string): boolean {
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  throw new DirectiveError(`${key} must be 1 or 0, got "${value}"`);
}

function oneOf<T>(key: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw new DirectiveError(`${key} must be one of ${allowed.join(", ")}`);
  }
  return value;
}

function count(key: string, value: string, min = 0): number {
  const n = Number(value);
  if (value === "" || !Number.isInteger(n) || n < min) {
    throw new DirectiveError(`${key} must be an integer of at least ${min}, got "${value}"`);
  }
  return n;
}

function positive(key: string, value: string, allowZero = false): number {
  const n = Number(value);
  if (value === "" || !Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) {
    throw new DirectiveError(`${key} must be a positive number, got "${value}"`);
  }
  return n;
}

/** `250ms`, `2s` or a bare number of milliseconds. */
function duration(key: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value);
  if (!match) throw new DirectiveError(`${key} must look like 250ms or 2s, got "${value}"`);
  const n = Number(match[1]);
  return Math.round(match[2] === "s" ? n * 1000 : n);
}
