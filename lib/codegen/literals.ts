/**
 * Values printed as source code: JavaScript object literals and JSON, laid out as a person would
 * write them (what fits stays on one line, the rest takes one entry a line), shell words and
 * comments. Strings go through `JSON.stringify`, whose output is a valid JavaScript string too.
 */
export interface LiteralOptions {
  /** Python's literals are JSON's, with `True`, `False`, `None` and a trailing comma allowed. */
  syntax: "js" | "json" | "python";
  /** Source printed in place of a value, as it is: a variable, a call, a shell substitution. */
  expression?: (value: unknown) => string | undefined;
  /** Applied to every quoted string printed (keys and values), e.g. to escape it for a shell. */
  escape?: (quoted: string) => string;
  /** Lines stay within this many columns where the values allow it. */
  width?: number;
  /** Spaces per level of nesting: 2, or Python's 4. */
  indentWidth?: number;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `value` as source starting at `column` of a line indented by `indent` spaces. */
export function printLiteral(
  value: unknown,
  options: LiteralOptions,
  indent = 0,
  column = indent,
): string {
  return new Printer(options).print(value, indent, column);
}

type Entry = [key: string | undefined, value: unknown];

class Printer {
  private readonly js: boolean;
  private readonly python: boolean;
  private readonly width: number;
  private readonly step: number;
  constructor(private readonly options: LiteralOptions) {
    this.js = options.syntax === "js";
    this.python = options.syntax === "python";
    this.width = options.width ?? 100;
    this.step = options.indentWidth ?? 2;
  }

  print(value: unknown, indent: number, column: number): string {
    const expression = this.options.expression?.(value);
    if (expression !== undefined) return expression;
    const entries = this.entries(value);
    if (!entries) return this.scalar(value);
    // One column is left for the comma that may follow.
    return this.flat(value, this.width - column - 1) ?? this.block(value, entries, indent);
  }

  private block(value: unknown, entries: Entry[], indent: number): string {
    const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
    if (entries.length === 0) return open + close;
    const inner = " ".repeat(indent + this.step);
    const lines = entries.map(([key, item], i) => {
      const prefix = inner + (key === undefined ? "" : `${this.key(key)}: `);
      const comma = this.js || this.python || i < entries.length - 1 ? "," : "";
      return prefix + this.print(item, indent + this.step, prefix.length) + comma;
    });
    return [open, ...lines, `${" ".repeat(indent)}${close}`].join("\n");
  }

  /** The one-line form, or undefined when it would be longer than `budget`. */
  private flat(value: unknown, budget: number): string | undefined {
    const expression = this.options.expression?.(value);
    if (expression !== undefined) return expression.includes("\n") ? undefined : expression;
    if (typeof value === "string" && value.length + 2 > budget) return undefined;
    const entries = this.entries(value);
    if (!entries) {
      const text = this.scalar(value);
      return text.length <= budget ? text : undefined;
    }
    const pieces: string[] = [];
    let used = this.js && !Array.isArray(value) ? 4 : 2;
    for (const [key, item] of entries) {
      const prefix = key === undefined ? "" : `${this.key(key)}: `;
      const text = this.flat(item, budget - used - prefix.length);
      if (text === undefined) return undefined;
      used += prefix.length + text.length + (pieces.length ? 2 : 0);
      if (used > budget) return undefined;
      pieces.push(prefix + text);
    }
    if (Array.isArray(value)) return `[${pieces.join(", ")}]`;
    if (pieces.length === 0) return "{}";
    return this.js ? `{ ${pieces.join(", ")} }` : `{${pieces.join(", ")}}`;
  }

  private entries(value: unknown): Entry[] | undefined {
    if (Array.isArray(value)) return value.map((item) => [undefined, item]);
    if (value === null || typeof value !== "object") return undefined;
    return Object.entries(value).filter(([, item]) => item !== undefined);
  }

  private key(key: string): string {
    if (!this.js) return this.quote(key);
    // A literal `__proto__` key, bare or quoted, would set the prototype instead.
    if (key === "__proto__") return `[${this.quote(key)}]`;
    return IDENTIFIER.test(key) ? key : this.quote(key);
  }

  private quote(text: string): string {
    const quoted = quoteString(text);
    return this.options.escape ? this.options.escape(quoted) : quoted;
  }

  private scalar(value: unknown): string {
    if (typeof value === "string") return this.quote(value);
    if (typeof value === "number" && Number.isFinite(value)) return JSON.stringify(value);
    if (this.python && typeof value === "boolean") return value ? "True" : "False";
    if (this.python && value === null) return "None";
    if (typeof value === "boolean" || value === null) return String(value);
    throw new Error(`a ${typeof value} has no literal form`);
  }
}

/**
 * A string literal for JavaScript and JSON alike. U+2028 and U+2029 are escaped too: valid in
 * both since ES2019, they still end a line for older tools and for whoever reads the code.
 */
export function quoteString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16)}`,
  );
}

/** One word for a POSIX shell: single-quoted, each `'` closed, escaped and reopened. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * JSON text for an unquoted shell here-document, where `$`, `` ` `` and `\` are special. In JSON
 * a backslash only starts an escape, and of those only `\\` changes in a here-document (`\n`
 * and `\"` reach the program as written), so the text stays as readable as the JSON.
 */
export function hereDocJson(json: string): string {
  return json.replace(/\\\\|[$`]/g, (match) => (match === "\\\\" ? "\\\\\\\\" : `\\${match}`));
}

/** Paragraphs as comment lines of at most `width` columns, a blank comment line between them. */
export function commentLines(paragraphs: readonly string[], marker: string, width = 100): string[] {
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    if (lines.length) lines.push(marker);
    let line = marker;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line !== marker && line.length + 1 + word.length > width) {
        lines.push(line);
        line = marker;
      }
      line += ` ${word}`;
    }
    lines.push(line);
  }
  return lines;
}
