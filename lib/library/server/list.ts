import "server-only";
import { containsText } from "@/lib/db/contains-text";
import type { Store } from "@/lib/db/database";
import type { LibraryEntry, LibraryQuery } from "@/lib/library/library-entry";

/** How long a deleted prompt can be restored before it is gone for good. */
export const RESTORABLE_MS = 30 * 86_400_000;
const PAGE = 100;

/**
 * The library: live prompts (or the person's own deleted ones), filtered and searched in the
 * database, newest change first. One query for both databases: LIKE with an explicit escape.
 */
export async function listPrompts(
  store: Store,
  query: LibraryQuery,
  me: string,
  now = Date.now(),
): Promise<LibraryEntry[]> {
  let q = store.db
    .selectFrom("prompts")
    .select([
      "id",
      "kind",
      "title",
      "description",
      "tags",
      "author",
      "models",
      "latest_revision",
      "updated_at",
      "deleted_at",
      "forked_from",
    ]);
  q = query.deleted
    ? q
        .where("deleted_at", "is not", null)
        .where("deleted_at", ">", now - RESTORABLE_MS)
        .where("author", "=", me)
    : q.where("deleted_at", "is", null);
  for (const word of (query.text ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    q = q.where(containsText("search_text", word, "lowercase"));
  }
  if (query.author) q = q.where("author", "=", query.author);
  if (query.tag) q = q.where(containsText("tags", JSON.stringify(query.tag)));
  if (query.model) q = q.where(containsText("models", ` ${query.model} `));
  const rows = await q.orderBy("updated_at", "desc").limit(PAGE).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    tags: JSON.parse(r.tags) as string[],
    author: r.author,
    models: r.models.trim().split(" ").filter(Boolean),
    latestRevision: r.latest_revision,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
    forked: r.forked_from !== null,
  }));
}
