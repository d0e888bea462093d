import { type LiteralOptions, printLiteral, quoteString } from "./literals";

/**
 * C# as the Google.GenAI SDK's own samples write it: records built with object initializers
 * (`new GenerateContentConfig { Temperature = 0.5 }`), lists as `new List<T> { … }`, the SDK's
 * string enums by their PascalCase members (`HarmCategory.HarmCategoryHateSpeech`). What fits
 * in 100 columns stays on one line; the rest takes one member a line, indented by four spaces.
 */
export type CsNode =
  | { kind: "new"; type: string; members: [name: string, value: CsNode][] }
  | { kind: "list"; type: string; items: CsNode[] }
  /** JSON text parsed at run time: `before"""json"""after`, on one line or as a block. */
  | { kind: "json"; before: string; value: unknown; after: string }
  | { kind: "source"; text: string };

const WIDTH = 100;

export const source = (text: string): CsNode => ({ kind: "source", text });

/**
 * A C# string literal. JSON's escapes are C#'s; C# also ends a line at U+0085, which JSON
 * leaves as it is, so that one is escaped too.
 */
export function csString(text: string): string {
  return quoteString(text).replace(/\u0085/g, "\\u0085");
}

export function csScalar(value: unknown): string {
  if (typeof value === "string") return csString(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean" || value === null) return String(value);
  throw new Error(`a ${typeof value} has no C# literal`);
}

/** `node` as source starting at `column` of a line indented by `indent` spaces. */
export function printCs(node: CsNode, indent: number, column: number): string {
  const flat = flatCs(node);
  // One column is left for the comma, semicolon or parenthesis that follows.
  if (flat !== undefined && column + flat.length + 1 <= WIDTH) return flat;
  switch (node.kind) {
    case "source":
      return node.text;
    case "json":
      return jsonBlock(node, indent);
    case "new":
      return block(`new ${node.type}`, node.members, indent);
    case "list":
      return block(
        `new List<${node.type}>`,
        node.items.map((item) => [undefined, item]),
        indent,
      );
  }
}

function block(opening: string, members: [string | undefined, CsNode][], indent: number): string {
  const inner = " ".repeat(indent + 4);
  const lines = members.map(([name, value]) => {
    const prefix = `${inner}${name === undefined ? "" : `${name} = `}`;
    return `${prefix}${printCs(value, indent + 4, prefix.length)},`;
  });
  return [opening, `${" ".repeat(indent)}{`, ...lines, `${" ".repeat(indent)}}`].join("\n");
}

/** The one-line form, or undefined where there is none (a value laid out as a block). */
function flatCs(node: CsNode): string | undefined {
  switch (node.kind) {
    case "source":
      return node.text.includes("\n") ? undefined : node.text;
    case "json": {
      const json = printLiteral(node.value, { ...JSON_TEXT, width: Number.POSITIVE_INFINITY });
      // A raw string on one line may not start or end with a quote of its own.
      if (/^"|"$/.test(json)) return undefined;
      const quotes = rawQuotes(json);
      return `${node.before}${quotes}${json}${quotes}${node.after}`;
    }
    case "new": {
      if (!node.members.length) return `new ${node.type}()`;
      const members = node.members.map(([name, value]) => {
        const text = flatCs(value);
        return text === undefined ? undefined : `${name} = ${text}`;
      });
      return members.includes(undefined) ? undefined : `new ${node.type} { ${members.join(", ")} }`;
    }
    case "list": {
      if (!node.items.length) return `new List<${node.type}>()`;
      const items = node.items.map(flatCs);
      return items.includes(undefined)
        ? undefined
        : `new List<${node.type}> { ${items.join(", ")} }`;
    }
  }
}

/**
 * JSON as a C# 11 raw string literal: the text exactly as JSON, no escaping. Its lines are
 * indented one step past the call, as is the closing quote, whose indentation C# strips.
 */
function jsonBlock(node: Extract<CsNode, { kind: "json" }>, indent: number): string {
  const inner = " ".repeat(indent + 4);
  const json = printLiteral(node.value, { ...JSON_TEXT, width: WIDTH - inner.length });
  const quotes = rawQuotes(json);
  const lines = json.split("\n").map((line) => inner + line);
  return [`${node.before}${quotes}`, ...lines, `${inner}${quotes}${node.after}`].join("\n");
}

/** JSON escapes U+0085 nowhere, and C# would end the raw string's line there. */
const JSON_TEXT: LiteralOptions = {
  syntax: "json",
  escape: (quoted) => quoted.replace(/\u0085/g, "\\u0085"),
};

/** More quotes than the longest run of quotes in the text, and at least three. */
function rawQuotes(text: string): string {
  const longest = Math.max(0, ...(text.match(/"+/g) ?? []).map((run) => run.length));
  return '"'.repeat(Math.max(3, longest + 1));
}
