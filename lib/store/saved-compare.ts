import { type Column, type CompareDoc, MAX_COLUMNS, MIN_COLUMNS } from "@/lib/compare/document";
import { readSavedDraft } from "./saved-draft";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function readColumn(value: unknown): Column | null {
  if (!isObject(value)) return null;
  const { id, model, config, tools, unset, systemInstruction, contents, turns } = value;
  if (typeof id !== "string" || typeof model !== "string" || model === "") return null;
  if (!isObject(config) || !isObject(tools)) return null;
  if (!Array.isArray(unset) || !unset.every((k) => typeof k === "string")) return null;
  if (systemInstruction !== undefined && typeof systemInstruction !== "string") return null;
  if (contents !== undefined && !Array.isArray(contents)) return null;
  if (!Array.isArray(turns)) return null;
  // The turns are checked as the draft's are: a draft around them makes the same check.
  const all = [...(contents ?? []), ...turns];
  const check = readSavedDraft({ model, systemInstruction: "", contents: all, config, tools });
  return check ? (value as unknown as Column) : null;
}

/**
 * The compare setup read back from storage (another build, another tab: not trusted), or null.
 * A structural check, like the draft's: enough that rendering can't crash on it; the server
 * validates every run it sends with the full schema.
 */
export function readCompareDoc(value: unknown): CompareDoc | null {
  if (!isObject(value) || value.version !== 1 || !Array.isArray(value.columns)) return null;
  const shared = readSavedDraft(value.shared);
  const columns = value.columns.map(readColumn);
  if (!shared || columns.length < MIN_COLUMNS || columns.length > MAX_COLUMNS) return null;
  if (columns.some((c) => c === null)) return null;
  return { version: 1, shared, columns: columns as Column[] };
}
