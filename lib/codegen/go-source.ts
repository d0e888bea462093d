import { quoteString } from "./literals";

/**
 * Go source as gofmt leaves it, so that `gofmt -l` has nothing to say about a generated program:
 * composite literals that fit stay on one line, the rest take one element a line with a
 * trailing comma, and the values of consecutive `key: value` lines line up the way gofmt's
 * printer aligns them (go/printer's `exprList`: a multi-line element, or a key far longer or
 * shorter than the ones before it, starts a new alignment section).
 */

/** Source printed as it is: an identifier, a call, a literal. Always one line. */
export interface GoExpr {
  kind: "expr";
  text: string;
}

/** `type{key: value, …}`; `type` is empty where Go lets the element type be left out. */
export interface GoLiteral {
  kind: "literal";
  type: string;
  entries: GoEntry[];
  /** One element a line even where all of it would fit on one. */
  block?: boolean;
}

export interface GoEntry {
  key?: string;
  value: GoValue;
}

export type GoValue = GoExpr | GoLiteral;

export const goExpr = (text: string): GoExpr => ({ kind: "expr", text });

export function goLiteral(type: string, entries: GoEntry[], block = false): GoLiteral {
  return { kind: "literal", type, entries, ...(block && { block }) };
}

/** Lines stay within this many columns where the values allow it, a tab counting 4. */
const WIDTH = 100;
const TAB = 4;

/** `value` as source starting at `column` of a line indented by `indent` tabs. */
export function printGo(value: GoValue, indent: number, column = indent * TAB): string {
  if (value.kind === "expr") return value.text;
  const flat = flatGo(value);
  // One column is left for the comma that may follow.
  if (flat !== undefined && column + length(flat) + 1 <= WIDTH) return flat;
  return block(value, indent);
}

function flatGo(value: GoValue): string | undefined {
  if (value.kind === "expr") return value.text;
  if (value.block) return undefined;
  const pieces: string[] = [];
  for (const entry of value.entries) {
    const text = flatGo(entry.value);
    if (text === undefined) return undefined;
    pieces.push(entry.key === undefined ? text : `${entry.key}: ${text}`);
  }
  return `${value.type}{${pieces.join(", ")}}`;
}

interface Line {
  key?: string;
  text: string;
  /** go/printer's element size: the key's (or the element's) bytes on one line; 0 if it spans more. */
  size: number;
}

function block(value: GoLiteral, indent: number): string {
  if (!value.entries.length) return `${value.type}{}`;
  const inner = "\t".repeat(indent + 1);
  const lines: Line[] = value.entries.map(({ key, value: item }) => {
    const prefix = key === undefined ? "" : `${key}: `;
    const text = printGo(item, indent + 1, (indent + 1) * TAB + length(prefix));
    const single = !text.includes("\n");
    return { key, text, size: single ? bytes(key ?? text) : 0 };
  });
  const out: string[] = [];
  for (const section of sections(lines)) {
    const keyWidth = Math.max(
      0,
      ...section.filter((l) => l.key !== undefined && l.size > 0).map((l) => length(`${l.key}:`)),
    );
    for (const line of section) {
      if (line.key === undefined) out.push(`${inner}${line.text},`);
      else if (line.size > 0) out.push(`${inner}${`${line.key}:`.padEnd(keyWidth)} ${line.text},`);
      else out.push(`${inner}${line.key}: ${line.text},`);
    }
  }
  return [`${value.type}{`, ...out, `${"\t".repeat(indent)}}`].join("\n");
}

/**
 * The runs of lines whose values gofmt aligns: its rule, to the letter. A line that spans more
 * than one (size 0) breaks the run on both sides; two keys of at most 40 bytes stay together;
 * a longer key breaks it when its size is 2.5 times (or 1/2.5 of) the geometric mean of the run's.
 */
function sections(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  let lnsum = 0;
  let count = 0;
  lines.forEach((line, i) => {
    const prevSize = lines[i - 1]?.size ?? 0;
    let newSection = true;
    if (i > 0 && prevSize > 0 && line.size > 0) {
      if (count === 0 || (prevSize <= 40 && line.size <= 40)) newSection = false;
      else {
        const ratio = line.size / Math.exp(lnsum / count);
        newSection = 2.5 * ratio <= 1 || 2.5 <= ratio;
      }
    }
    if (newSection) {
      out.push([]);
      lnsum = 0;
      count = 0;
    }
    out.at(-1)?.push(line);
    if (line.size > 0) {
      lnsum += Math.log(line.size);
      count++;
    }
  });
  return out;
}

/**
 * A Go interpreted string literal. JSON's escapes are Go's too, but for a lone surrogate, which
 * no Go string can hold (it becomes U+FFFD, as Go's JSON encoder would send it anyway); a byte
 * order mark, which gofmt refuses inside a file, and DEL are escaped.
 */
export function goString(text: string): string {
  return quoteString(text)
    .replace(/\\\\|\\u[dD][89abAB][0-9a-fA-F]{2}/g, (m) => (m === "\\\\" ? m : "\\ufffd"))
    .replace(/[\ufeff\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The person's own JSON as Go values: objects as `map[string]any`, arrays as slices. */
export function goJson(value: unknown): GoValue {
  if (value === null || value === undefined) return goExpr("nil");
  if (typeof value === "string") return goExpr(goString(value));
  if (typeof value === "number") return goExpr(goNumber(value));
  if (typeof value === "boolean") return goExpr(String(value));
  if (Array.isArray(value)) {
    const strings = value.length > 0 && value.every((item) => typeof item === "string");
    return goLiteral(
      strings ? "[]string" : "[]any",
      value.map((item) => ({ value: goJson(item) })),
    );
  }
  return goLiteral(
    "map[string]any",
    Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => ({ key: goString(key), value: goJson(item) })),
  );
}

/**
 * A JSON number as a Go constant. An integer beyond int64 is written with an exponent: `any`
 * gives an integer constant the type int, which it would overflow, and a float constant float64.
 */
function goNumber(value: number): string {
  const text = JSON.stringify(value);
  return Number.isInteger(value) && Math.abs(value) >= 2 ** 63 && !text.includes("e")
    ? value.toExponential()
    : text;
}

/** Columns as an editor counts them: code points (gofmt's tabwriter counts runes). */
function length(text: string): number {
  return [...text].length;
}

/** UTF-8 bytes, which go/printer measures sizes in. */
function bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
