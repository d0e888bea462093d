import { printLiteral } from "./literals";

/**
 * Python as Google's docs write it: calls with keyword arguments, one a line, values as Python
 * literals (dicts with string keys, `True`, `None`) indented by four spaces.
 */

/** Source printed as it is, where a value stands in the data: a variable, a call. */
export class PythonSource {
  constructor(readonly source: string) {}
}

export type PythonArgs = [name: string, value: unknown][];

/** `callee(name=value, …)`, one argument a line, starting at `column` of a line at `indent`. */
export function pythonCall(
  callee: string,
  args: PythonArgs,
  indent: number,
  expression?: (value: unknown) => string | undefined,
): string {
  const present = args.filter(([, value]) => value !== undefined);
  if (!present.length) return `${callee}()`;
  const inner = " ".repeat(indent + 4);
  const lines = present.map(([name, value]) => {
    const prefix = `${inner}${name}=`;
    return `${prefix}${pythonValue(value, indent + 4, prefix.length, expression)},`;
  });
  return [`${callee}(`, ...lines, `${" ".repeat(indent)})`].join("\n");
}

export function pythonValue(
  value: unknown,
  indent: number,
  column: number,
  expression?: (value: unknown) => string | undefined,
): string {
  return printLiteral(
    value,
    {
      syntax: "python",
      indentWidth: 4,
      expression: (v) => (v instanceof PythonSource ? v.source : expression?.(v)),
    },
    indent,
    column,
  );
}

/** `camelCase` as `snake_case`: the Python SDK's name for each of the JavaScript SDK's fields. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
