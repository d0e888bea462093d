import type { CompareDoc } from "@/lib/compare/document";
import type { PromptDoc } from "@/lib/prompt";

/** What the page keeps of the saved prompt a draft belongs to (the library's own record). */
export interface SavedRef {
  id: string;
  /** The revision this draft was opened from or last saved as. */
  revision: number;
  title: string;
  description: string;
  tags: string[];
  author: string;
  teamEditable: boolean;
  forkedFrom: { id: string; revision: number } | null;
}

/** A saved prompt as the server sends it (GET /api/prompts/{id}). */
export interface SavedPromptView extends Omit<SavedRef, "revision"> {
  kind: "chat" | "compare";
  latestRevision: number;
  createdAt: number;
  updatedAt: number;
  revision: { number: number; author: string; createdAt: number; title: string };
  document: PromptDoc | CompareDoc;
}

/** The ref a page keeps of a prompt it opened. */
export function refOf(view: SavedPromptView): SavedRef {
  return {
    id: view.id,
    revision: view.revision.number,
    title: view.title,
    description: view.description,
    tags: view.tags,
    author: view.author,
    teamEditable: view.teamEditable,
    forkedFrom: view.forkedFrom,
  };
}

/** A saved ref read back from the browser's storage (not trusted), or null. */
export function readSavedRef(value: unknown): SavedRef | null {
  const v = value as Partial<SavedRef> | null;
  if (typeof v !== "object" || v === null) return null;
  const ok =
    typeof v.id === "string" &&
    Number.isInteger(v.revision) &&
    typeof v.title === "string" &&
    typeof v.description === "string" &&
    Array.isArray(v.tags) &&
    v.tags.every((t) => typeof t === "string") &&
    typeof v.author === "string" &&
    typeof v.teamEditable === "boolean";
  return ok ? (v as SavedRef) : null;
}
