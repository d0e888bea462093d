import { commentLines, printLiteral, quoteString } from "./literals";

/**
 * Java as the Gen AI SDK's own examples write it (google-java-format): builder chains that stay
 * on one line when they fit in 100 columns and otherwise take one setter a line, continued four
 * spaces in. A value is Java source already (a literal, a variable), a call, a builder, or the
 * person's own JSON, printed as a text block the program parses at run time.
 */
export type JavaValue = string | JavaCall | JavaBuilder | JavaJson;

/** `callee(arg, …)`: a static factory such as `Part.fromText`, or `List.of`. */
export class JavaCall {
  constructor(
    readonly callee: string,
    readonly args: JavaValue[],
  ) {}
}

/** `Type.builder().setter(args)….build()`. */
export class JavaBuilder {
  constructor(
    readonly type: string,
    readonly setters: [name: string, args: JavaValue[]][],
  ) {}
}

/** JSON whose keys are the person's own (arguments, results, schemas), as `json("""…""")`. */
export class JavaJson {
  constructor(readonly value: unknown) {}
}

const WIDTH = 100;
const STEP = 4;

/** `value` as source starting at `column` of a line indented by `indent` spaces. */
export function printJava(value: JavaValue, indent: number, column: number): string {
  const flat = flatJava(value);
  // One column is kept for what follows: a comma, a parenthesis, a semicolon.
  if (flat !== undefined && column + flat.length + 1 <= WIDTH) return flat;
  if (typeof value === "string") return value;
  if (value instanceof JavaJson) return textBlock(value.value, indent);
  if (value instanceof JavaCall) {
    return `${value.callee}(${printArgs(value.args, indent, column + value.callee.length + 1)})`;
  }
  const inner = " ".repeat(indent + STEP);
  const lines = value.setters.map(([name, args]) => {
    const head = `${inner}.${name}(`;
    return `${head}${printArgs(args, indent + STEP, head.length)})`;
  });
  return [`${value.type}.builder()`, ...lines, `${inner}.build()`].join("\n");
}

/**
 * Arguments after an opening parenthesis at `column` (the closing one follows them): on that
 * line when they fit; a single argument starts there and breaks on its own; several take a
 * line each, further in.
 */
function printArgs(args: JavaValue[], indent: number, column: number): string {
  const flat = args.map(flatJava);
  const joined = flat.every((f) => f !== undefined) ? flat.join(", ") : undefined;
  if (joined !== undefined && column + joined.length + 1 <= WIDTH) return joined;
  const inner = indent + STEP;
  const [only] = args;
  if (args.length === 1 && only !== undefined) {
    const alone = flat[0];
    if (alone !== undefined && inner + alone.length + 1 <= WIDTH && !isChain(only)) {
      return `\n${" ".repeat(inner)}${alone}`;
    }
    return printJava(only, indent, column);
  }
  const lines = args.map((arg) => `${" ".repeat(inner)}${printJava(arg, inner, inner)}`);
  return `\n${lines.join(",\n")}`;
}

/** A builder starts on the setter's line and breaks there, as the SDK's examples write them. */
function isChain(value: JavaValue): boolean {
  return value instanceof JavaBuilder || value instanceof JavaJson;
}

/** The one-line form, or undefined for what always takes several lines (a text block). */
function flatJava(value: JavaValue): string | undefined {
  if (typeof value === "string") return value;
  if (value instanceof JavaJson) return undefined;
  if (value instanceof JavaCall) {
    const args = value.args.map(flatJava);
    return args.every((a) => a !== undefined) ? `${value.callee}(${args.join(", ")})` : undefined;
  }
  let text = `${value.type}.builder()`;
  for (const [name, args] of value.setters) {
    const flat = args.map(flatJava);
    if (!flat.every((a) => a !== undefined)) return undefined;
    text += `.${name}(${flat.join(", ")})`;
  }
  return `${text}.build()`;
}

/**
 * JSON in a text block, its lines four spaces in from the line that opens it. Inside a text
 * block a backslash still starts an escape, so each of JSON's is doubled; JSON never holds three
 * quotes in a row, but one would end the block, so a third is escaped all the same.
 */
function textBlock(value: unknown, indent: number): string {
  const inner = indent + STEP;
  const json = printLiteral(value, { syntax: "json", width: WIDTH }, inner, inner)
    .replaceAll("\\", "\\\\")
    .replaceAll('"""', '""\\"');
  const pad = " ".repeat(inner);
  return `json("""\n${pad}${json}\n${pad}""")`;
}

/** A Java string literal: JSON's escapes are Java's too (`\uXXXX` included). */
export function javaString(text: string): string {
  return quoteString(text);
}

/**
 * Comment lines that stay comments. Java reads `\uXXXX` before anything else, even in a comment,
 * so `\u000a` in a title would end the line early: a backslash that could start one is doubled.
 */
export function javaComments(paragraphs: readonly string[]): string[] {
  return commentLines(paragraphs, "//").map((line) =>
    line.replace(/(\\+)u/g, (match, slashes: string) =>
      slashes.length % 2 === 1 ? `\\${match}` : match,
    ),
  );
}

/** Every type a value names, for the imports. */
export function typesIn(value: JavaValue, found: Set<string> = new Set()): Set<string> {
  if (value instanceof JavaBuilder) {
    found.add(value.type);
    for (const [, args] of value.setters) for (const arg of args) typesIn(arg, found);
  } else if (value instanceof JavaCall) {
    const owner = value.callee.split(".")[0];
    if (owner && /^[A-Z]/.test(owner)) found.add(owner);
    for (const arg of value.args) typesIn(arg, found);
  }
  return found;
}
