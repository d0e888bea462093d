/**
 * What the two JSON editors accept. Each check turns editor text into either a value the document
 * can take or a list of problems positioned in the text; the document is only ever given the value.
 */
import type { z } from "zod";
import { type FunctionDeclaration, FunctionDeclarationSchema } from "@/lib/prompt/config";
import { PROMPT_LIMITS } from "@/lib/prompt/limits";
import { parseJson, type TextIssue, type ValueSpans } from "./json-text";
import { checkJsonSchema, type PathIssue, readablePath } from "./schema-check";

export type { TextIssue } from "./json-text";

export type EditorCheck<T> = { ok: true; value: T } | { ok: false; issues: TextIssue[] };

/** The value's own range, or its nearest enclosing one; a long multi-line value marks its first character. */
function place(text: string, spans: ValueSpans, issue: PathIssue): TextIssue {
  let path = issue.path;
  let span = spans.get(path);
  while (!span && path) {
    path = path.slice(0, path.lastIndexOf("/"));
    span = spans.get(path);
  }
  const { from, to } = span ?? { from: 0, to: text.length };
  const to1 = text.slice(from, to).includes("\n") ? from + 1 : to;
  return { message: issue.message, from, to: to1 };
}

function parsed(text: string): EditorCheck<{ value: unknown; spans: ValueSpans }> {
  const result = parseJson(text);
  if (!result.ok)
    return {
      ok: false,
      issues: [{ ...result.issue, message: `Invalid JSON: ${result.issue.message}` }],
    };
  return { ok: true, value: { value: result.value, spans: result.spans } };
}

/** Empty text means "no schema" (JSON mode without a schema), which is allowed. */
export function checkResponseSchemaText(
  text: string,
): EditorCheck<Record<string, unknown> | undefined> {
  if (text.trim() === "") return { ok: true, value: undefined };
  const json = parsed(text);
  if (!json.ok) return json;
  const { value, spans } = json.value;
  const issues = checkJsonSchema(value);
  if (!issues.length && (typeof value !== "object" || value === null || Array.isArray(value))) {
    issues.push({
      path: "",
      message: 'The response schema must be a JSON object, such as {"type": "object"}.',
    });
  }
  if (issues.length) return { ok: false, issues: issues.map((i) => place(text, spans, i)) };
  return { ok: true, value: value as Record<string, unknown> };
}

const Declaration = FunctionDeclarationSchema.strict();

function zodMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return `has unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} (a declaration has name, description and parameters)`;
  }
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message))
    return "is required";
  if (issue.code === "invalid_type")
    return `must be ${issue.expected === "record" ? "an object" : `a ${issue.expected}`}`;
  return issue.message;
}

/** A JSON array of {name, description, parameters}; empty text is an empty list. */
export function checkFunctionDeclarationsText(text: string): EditorCheck<FunctionDeclaration[]> {
  if (text.trim() === "") return { ok: true, value: [] };
  const json = parsed(text);
  if (!json.ok) return json;
  const { value, spans } = json.value;
  const issues: PathIssue[] = [];
  if (!Array.isArray(value)) {
    issues.push({
      path: "",
      message: 'Function declarations must be a JSON array: [{"name": …}, …].',
    });
  } else {
    if (value.length > PROMPT_LIMITS.functionDeclarations) {
      issues.push({
        path: "",
        message: `At most ${PROMPT_LIMITS.functionDeclarations} functions can be declared.`,
      });
    }
    const seen = new Set<string>();
    value.forEach((item, i) => {
      const result = Declaration.safeParse(item);
      const at = (path: PropertyKey[]) => [`/${i}`, ...path.map(String)].join("/");
      const fn = `Function ${i + 1}`;
      for (const issue of result.error?.issues ?? []) {
        const field = issue.path.length
          ? `: ${readablePath(at(issue.path).slice(`/${i}`.length))}`
          : "";
        issues.push({ path: at(issue.path), message: `${fn}${field} ${zodMessage(issue)}.` });
      }
      if (!result.success) return;
      if (seen.has(result.data.name)) {
        issues.push({
          path: `/${i}/name`,
          message: `${fn}: "${result.data.name}" is declared more than once.`,
        });
      }
      seen.add(result.data.name);
      const { parameters } = result.data;
      if (parameters) {
        for (const issue of checkJsonSchema(parameters, `/${i}/parameters`, "parameters")) {
          issues.push({ ...issue, message: `${fn}: ${issue.message}` });
        }
        if (parameters.type !== undefined && parameters.type !== "object") {
          const message = `${fn}: parameters.type must be "object" (arguments are named).`;
          issues.push({ path: `/${i}/parameters/type`, message });
        }
      }
    });
  }
  if (issues.length) return { ok: false, issues: issues.map((i) => place(text, spans, i)) };
  return { ok: true, value: value as FunctionDeclaration[] };
}
