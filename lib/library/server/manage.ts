import "server-only";
import type { Person } from "@/lib/auth/person";
import type { Store } from "@/lib/db/database";
import { AppError } from "@/lib/errors";
import type { SavedDocument } from "@/lib/library/saved-document";
import { RESTORABLE_MS } from "./list";
import { getPrompt, type SaveResult, savePrompt } from "./prompts";

/** Only its author deletes a prompt; it can be restored for 30 days. */
export async function deletePrompt(
  store: Store,
  id: string,
  person: Person,
  now = Date.now(),
): Promise<void> {
  const prompt = await getPrompt(store, id);
  if (prompt.author !== person.name) {
    throw new AppError({
      code: "forbidden:author",
      message: `Only ${prompt.author}, who saved “${prompt.title}”, can delete it.`,
    });
  }
  await store.db
    .updateTable("prompts")
    .set({ deleted_at: now })
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .execute();
}

/** Brings back a prompt its author deleted less than 30 days ago. */
export async function undeletePrompt(
  store: Store,
  id: string,
  person: Person,
  now = Date.now(),
): Promise<void> {
  const result = await store.db
    .updateTable("prompts")
    .set({ deleted_at: null })
    .where("id", "=", id)
    .where("author", "=", person.name)
    .where("deleted_at", ">", now - RESTORABLE_MS)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    throw new AppError({
      code: "not_found",
      message:
        "There is no deleted prompt of yours with this id to restore: it was restored already, or deleted more than 30 days ago.",
    });
  }
}

/**
 * Restores an old revision as the newest: its document saved again, by this person (a copy,
 * if the prompt is not theirs to change), so nothing in between is lost.
 */
export async function restoreRevision(
  store: Store,
  id: string,
  number: number,
  person: Person,
): Promise<SaveResult> {
  const [latest, old] = await Promise.all([getPrompt(store, id), getPrompt(store, id, number)]);
  const saved = { kind: latest.kind, document: old.document } as SavedDocument;
  return savePrompt(
    store,
    {
      id,
      title: latest.title,
      description: latest.description,
      tags: latest.tags,
      saved,
    },
    person,
  );
}
