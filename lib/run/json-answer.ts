import { type Schema, Validator } from "@cfworker/json-schema";

/**
 * A structured-output answer checked the way a program consuming it would: does it parse, and
 * does it satisfy the response schema the run asked for? Runs in the browser, so a person sees
 * at once whether the model kept to the schema.
 */
export type JsonVerdict =
  | { kind: "valid"; pretty: string }
  | { kind: "unparsable"; message: string }
  | { kind: "invalid"; pretty: string; path: string; message: string }
  /** The JSON parses but the schema itself could not be compiled. */
  | { kind: "unchecked"; pretty: string; message: string };

interface SchemaError {
  instanceLocation: string;
  keywordLocation: string;
  error: string;
}

/** `#/items/0/name` → `$.items[0].name`: the form people read paths in. */
export function toJsonPath(instanceLocation: string): string {
  const pointer = instanceLocation.replace(/^#/, "");
  if (pointer === "" || pointer === "/") return "$";
  return pointer
    .split("/")
    .slice(1)
    .map((raw) => decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, key) => {
      if (/^\d+$/.test(key)) return `${path}[${key}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}.${key}`;
      return `${path}[${JSON.stringify(key)}]`;
    }, "$");
}

/**
 * The validator reports a chain per failure: "property x does not match", then why. The first
 * error not followed by a more specific one under it is the actual first violation.
 */
export function firstViolation(errors: readonly SchemaError[]): SchemaError | undefined {
  for (let i = 0; i < errors.length; i++) {
    const error = errors[i] as SchemaError;
    const following = errors[i + 1];
    if (!following?.keywordLocation.startsWith(`${error.keywordLocation}/`)) {
      return error;
    }
  }
  return undefined;
}

export function checkJsonAnswer(text: string, schema?: Record<string, unknown>): JsonVerdict {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: "unparsable", message: error instanceof Error ? error.message : String(error) };
  }
  const pretty = JSON.stringify(value, null, 2);
  if (!schema) return { kind: "valid", pretty };
  let result: { valid: boolean; errors: SchemaError[] };
  try {
    result = new Validator(schema as Schema, "2020-12", false).validate(value);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: "unchecked", pretty, message };
  }
  if (result.valid) return { kind: "valid", pretty };
  const first = firstViolation(result.errors);
  return {
    kind: "invalid",
    pretty,
    path: toJsonPath(first?.instanceLocation ?? "#"),
    message: first?.error ?? "The answer does not match the response schema.",
  };
}

const withArticle = (word: string) => `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;

/**
 * The validator's sentence about "Instance" made about the answer: "$.minutes is a string, not
 * an integer", "the answer is missing "minutes"". Messages it has no rewording for keep their
 * words, with the place named first.
 */
function describeViolation(path: string, message: string): string {
  const subject = path === "$" ? "the answer" : path;
  const type = message.match(/^Instance type "(\w+)" is invalid\. Expected "(\w+)"/);
  if (type)
    return `${subject} is ${withArticle(type[1] as string)}, not ${withArticle(type[2] as string)}`;
  const missing = message.match(/^Instance does not have required property "([^"]+)"/);
  if (missing) return `${subject} is missing "${missing[1]}"`;
  const rest = message.replace(/^Instance\b\s*/, "").replace(/\.$/, "");
  return path === "$" ? rest : `at ${path}, ${rest}`;
}

/** The badge's words: "Valid JSON", "Invalid JSON", "Invalid: $.age is a string, not…". */
export function describeVerdict(verdict: JsonVerdict): string {
  switch (verdict.kind) {
    case "valid":
      return "Valid JSON";
    case "unparsable":
      return "Invalid JSON";
    case "invalid":
      return `Invalid: ${describeViolation(verdict.path, verdict.message)}`;
    case "unchecked":
      return "Valid JSON (schema not checked)";
  }
}
