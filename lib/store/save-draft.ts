import { type SaveAnswer, savePrompt } from "@/lib/client/library";
import { chatDocumentToSave } from "@/lib/library/saved-draft-doc";
import type { SavedRef } from "@/lib/library/saved-ref";
import type { PlaygroundStore } from "./create-store";

export interface SaveDetails {
  title: string;
  description: string;
  tags: string[];
  teamEditable: boolean;
}

/**
 * Saves the chat's draft or the compare setup as a new prompt, a revision of `from`, or the
 * person's copy of it, and records what it now belongs to. Saving what has not changed makes
 * no new revision, so this is also how a share makes sure the link shows what is on screen.
 */
export async function saveDraft(
  store: PlaygroundStore,
  kind: "chat" | "compare",
  details: SaveDetails,
  from: SavedRef | null,
  me: string,
): Promise<SaveAnswer | null> {
  const s = store.getState();
  const document =
    kind === "chat" ? chatDocumentToSave(s.draft, s.promptText, s.attachments) : s.compare;
  if (!document) return null;
  const saved = await savePrompt({ id: from?.id, kind, document, ...details });
  const mine = !from || saved.forked || from.author === me;
  store.getState().setSaved(kind, {
    id: saved.id,
    revision: saved.revision,
    title: details.title,
    description: details.description,
    tags: details.tags,
    author: mine ? me : (from?.author ?? me),
    teamEditable: mine ? details.teamEditable : (from?.teamEditable ?? false),
    forkedFrom:
      saved.forked && from ? { id: from.id, revision: from.revision } : (from?.forkedFrom ?? null),
  });
  return saved;
}

/** A saved prompt's details, as the save dialog shows them. */
export function detailsOf(ref: SavedRef): SaveDetails {
  return {
    title: ref.title,
    description: ref.description,
    tags: ref.tags,
    teamEditable: ref.teamEditable,
  };
}
