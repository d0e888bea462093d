import "server-only";
import { AppError } from "@/lib/errors";
import { parseSavedDocument } from "@/lib/library/saved-document";
import type { SaveRequest } from "./prompts";

export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 5_000;
export const MAX_TAGS = 20;
export const MAX_TAG = 40;

const bad = (message: string, field: string) =>
  new AppError({ code: "bad_request:json", field, message });

/** The body of a save, checked field by field with a message that names what is wrong. */
export function readSaveRequest(body: unknown): SaveRequest {
  const b = (body ?? {}) as Record<string, unknown>;
  const title = typeof b.title === "string" ? b.title.trim() : "";
  if (!title) throw bad("Give the prompt a title.", "title");
  if (title.length > MAX_TITLE) throw bad(`A title has at most ${MAX_TITLE} characters.`, "title");
  const description = typeof b.description === "string" ? b.description.trim() : "";
  if (description.length > MAX_DESCRIPTION) {
    throw bad(`A description has at most ${MAX_DESCRIPTION} characters.`, "description");
  }
  const tags = Array.isArray(b.tags) ? b.tags : [];
  if (tags.length > MAX_TAGS || !tags.every((t) => typeof t === "string" && t.length <= MAX_TAG)) {
    throw bad(`At most ${MAX_TAGS} tags of at most ${MAX_TAG} characters each.`, "tags");
  }
  if (b.id !== undefined && (typeof b.id !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(b.id))) {
    throw bad("id is not a saved prompt's id.", "id");
  }
  const parsed = parseSavedDocument(b.kind, b.document);
  if (!parsed.ok) throw bad(`The prompt cannot be saved: ${parsed.message}`, "document");
  return {
    id: b.id as string | undefined,
    title,
    description,
    tags: [...new Set((tags as string[]).map((t) => t.trim()).filter(Boolean))],
    teamEditable: typeof b.teamEditable === "boolean" ? b.teamEditable : undefined,
    saved: parsed.saved,
  };
}
