/**
 * JSON parsing for the editors. JSON.parse says only "Unexpected token" (with a position in some
 * engines and not others); this parser names what was expected, at a position the editor can
 * underline, and records where every value sits so schema problems can be underlined too.
 */

export interface TextIssue {
  message: string;
  from: number;
  to: number;
}

/** Character range of each value, keyed by JSON pointer ("" is the root, "/properties/a"). */
export type ValueSpans = ReadonlyMap<string, { from: number; to: number }>;

export type JsonParse =
  | { ok: true; value: unknown; spans: ValueSpans }
  | { ok: false; issue: TextIssue };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly from: number,
    readonly to: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const escapePointer = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

function nameOf(ch: string | undefined): string {
  if (ch === undefined) return "the end of the text";
  if (ch === "'") return "a single quote (JSON strings use double quotes)";
  return /\s/.test(ch) ? "whitespace" : `"${ch}"`;
}

export function parseJson(text: string): JsonParse {
  const spans = new Map<string, { from: number; to: number }>();
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    throw new JsonSyntaxError(message, at, Math.min(text.length, at + 1));
  };
  const skip = () => {
    while (pos < text.length && " \t\n\r".includes(text.charAt(pos))) pos += 1;
  };

  const string = (): string => {
    const start = pos;
    pos += 1;
    for (;;) {
      const ch = text[pos];
      if (ch === undefined) fail("A string is missing its closing double quote.", start);
      if (ch === '"') break;
      if (ch === "\n") fail("A string can't span lines; write \\n for a line break.", start);
      pos += ch === "\\" ? 2 : 1;
    }
    pos += 1;
    try {
      return JSON.parse(text.slice(start, pos)) as string;
    } catch {
      return fail("This string has an invalid escape sequence.", start);
    }
  };

  const value = (path: string): unknown => {
    skip();
    const start = pos;
    const ch = text[pos];
    let result: unknown;
    if (ch === "{") result = object(path);
    else if (ch === "[") result = array(path);
    else if (ch === '"') result = string();
    else if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) {
      NUMBER.lastIndex = pos;
      const match = NUMBER.exec(text);
      if (!match) fail("This is not a valid number.");
      pos += (match as RegExpExecArray)[0].length;
      result = Number((match as RegExpExecArray)[0]);
    } else {
      const word = /^(true|false|null)/.exec(text.slice(pos, pos + 5))?.[1];
      const unknown = /^[A-Za-z_][\w-]*/.exec(text.slice(pos, pos + 40))?.[0];
      if (!word && unknown) {
        throw new JsonSyntaxError(
          `Unknown word "${unknown}": values are objects, arrays, "strings" in double quotes, numbers, true, false or null.`,
          pos,
          pos + unknown.length,
        );
      }
      if (!word) {
        fail(
          ch === undefined
            ? "The JSON ends too early: a value is missing."
            : `Unexpected ${nameOf(ch)}: expected a value (object, array, string, number, true, false or null).`,
        );
      }
      pos += (word as string).length;
      result = word === "null" ? null : word === "true";
    }
    spans.set(path, { from: start, to: pos });
    return result;
  };

  const object = (path: string): Record<string, unknown> => {
    const open = pos;
    pos += 1;
    const out: Record<string, unknown> = {};
    skip();
    if (text[pos] === "}") {
      pos += 1;
      return out;
    }
    for (;;) {
      skip();
      if (text[pos] === "}") fail("Remove the comma before }: JSON allows no trailing comma.");
      if (text[pos] !== '"')
        fail(`Expected a property name in double quotes, found ${nameOf(text[pos])}.`);
      const key = string();
      skip();
      if (text[pos] !== ":") fail(`Expected a colon after "${key}", found ${nameOf(text[pos])}.`);
      pos += 1;
      out[key] = value(`${path}/${escapePointer(key)}`);
      skip();
      if (text[pos] === ",") pos += 1;
      else if (text[pos] === "}") {
        pos += 1;
        return out;
      } else if (text[pos] === undefined) fail("An object is missing its closing }.", open);
      else fail(`Expected a comma or } after the value of "${key}", found ${nameOf(text[pos])}.`);
    }
  };

  const array = (path: string): unknown[] => {
    const open = pos;
    pos += 1;
    const out: unknown[] = [];
    skip();
    if (text[pos] === "]") {
      pos += 1;
      return out;
    }
    for (;;) {
      skip();
      if (text[pos] === "]") fail("Remove the comma before ]: JSON allows no trailing comma.");
      out.push(value(`${path}/${out.length}`));
      skip();
      if (text[pos] === ",") pos += 1;
      else if (text[pos] === "]") {
        pos += 1;
        return out;
      } else if (text[pos] === undefined) fail("A list is missing its closing ].", open);
      else fail(`Expected a comma or ] after a list item, found ${nameOf(text[pos])}.`);
    }
  };

  try {
    const result = value("");
    skip();
    if (pos < text.length) fail("Unexpected text after the end of the JSON value.");
    return { ok: true, value: result, spans };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, issue: { message: error.message, from: error.from, to: error.to } };
  }
}

/** 1-based line of a character offset, for messages listed under the editor. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}
