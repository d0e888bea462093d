import type { PromptDoc } from "@/lib/prompt";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function isTurn(v: unknown): boolean {
  if (!isObject(v) || (v.role !== "user" && v.role !== "model") || !Array.isArray(v.parts)) {
    return false;
  }
  return v.parts.every((p) => isObject(p) && typeof p.kind === "string");
}

/**
 * A draft read back from localStorage comes from an older build or another tab and is not
 * trusted. This is a structural check, enough that rendering can't crash on it; the server
 * validates every run with the full schema and names any bad field. The zod schema itself is
 * not used here because it would double the page's first-load JavaScript.
 */
export function readSavedDraft(value: unknown): PromptDoc | undefined {
  if (!isObject(value)) return undefined;
  const { model, systemInstruction, contents, config, tools } = value;
  if (typeof model !== "string" || model === "") return undefined;
  if (typeof systemInstruction !== "string") return undefined;
  if (!Array.isArray(contents) || !contents.every(isTurn)) return undefined;
  if (!isObject(config) || !isObject(tools)) return undefined;
  return value as unknown as PromptDoc;
}
