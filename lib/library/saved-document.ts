import {
  type Column,
  type CompareDoc,
  columnRequest,
  MAX_COLUMNS,
  MIN_COLUMNS,
} from "@/lib/compare/document";
import { partsText } from "@/lib/compare/turn-text";
import type { PromptDoc } from "@/lib/prompt";
import { describeIssues, parsePromptDoc } from "@/lib/prompt/parse";

/** What a library entry holds: the chat's prompt document, or a compare setup. */
export type SavedDocument =
  | { kind: "chat"; document: PromptDoc }
  | { kind: "compare"; document: CompareDoc };

export type SavedKind = SavedDocument["kind"];

/**
 * A document sent to be saved, checked as strictly as a run: a chat prompt against the prompt
 * schema, a compare setup by the request each of its columns would send. Returns the reason
 * when it is not one.
 */
export function parseSavedDocument(
  kind: unknown,
  value: unknown,
): { ok: true; saved: SavedDocument } | { ok: false; message: string } {
  if (kind === "chat") {
    const parsed = parsePromptDoc(value);
    return parsed.ok
      ? { ok: true, saved: { kind, document: parsed.value } }
      : { ok: false, message: describeIssues(parsed.issues) };
  }
  if (kind !== "compare") return { ok: false, message: 'kind must be "chat" or "compare".' };
  const doc = value as Partial<CompareDoc> | null;
  if (doc?.version !== 1 || !Array.isArray(doc.columns)) {
    return { ok: false, message: "A compare setup needs version 1 and its columns." };
  }
  if (doc.columns.length < MIN_COLUMNS || doc.columns.length > MAX_COLUMNS) {
    return { ok: false, message: `A compare setup has ${MIN_COLUMNS} to ${MAX_COLUMNS} columns.` };
  }
  const shared = parsePromptDoc(doc.shared);
  if (!shared.ok) return { ok: false, message: `shared: ${describeIssues(shared.issues)}` };
  for (const [i, column] of (doc.columns as Column[]).entries()) {
    if (!column || typeof column.id !== "string" || !Array.isArray(column.turns)) {
      return { ok: false, message: `columns.${i}: not a column.` };
    }
    const request = parsePromptDoc(columnRequest(doc as CompareDoc, column));
    if (!request.ok)
      return { ok: false, message: `columns.${i}: ${describeIssues(request.issues)}` };
  }
  return { ok: true, saved: { kind, document: doc as CompareDoc } };
}

/** The words a search finds a prompt by: every turn's text and the system instructions. */
export function documentText(saved: SavedDocument): string {
  const prompts =
    saved.kind === "chat"
      ? [saved.document]
      : saved.document.columns.map((c) => columnRequest(saved.document, c));
  return prompts
    .flatMap((doc) => [doc.systemInstruction ?? "", ...doc.contents.map((t) => partsText(t.parts))])
    .join("\n");
}

/** The models a saved document runs on: the chat's, or each column's. */
export function documentModels(saved: SavedDocument): string[] {
  const models =
    saved.kind === "chat" ? [saved.document.model] : saved.document.columns.map((c) => c.model);
  return [...new Set(models)];
}
