import type { z } from "zod";
import { type PromptDoc, PromptDocSchema } from "./schema";

export interface FieldIssue {
  /** Dotted path to the offending field, e.g. `contents.0.parts.1.text`. */
  field: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join(".") : "(document)",
    message: issue.message,
  }));
}

/** One line a person can act on: names the first bad field and how many more there are. */
export function describeIssues(issues: FieldIssue[]): string {
  const [first, ...rest] = issues;
  if (!first) return "The prompt is invalid.";
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? "s" : ""})` : "";
  return `${first.field}: ${first.message}${more}`;
}

export function parsePromptDoc(input: unknown): ParseResult<PromptDoc> {
  const result = PromptDocSchema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: toFieldIssues(result.error) };
}

/** Serialization is plain JSON; parsing it back must give the same document. */
export function serializePromptDoc(doc: PromptDoc): string {
  return JSON.stringify(PromptDocSchema.parse(doc));
}
