import "server-only";
import type { Transaction } from "kysely";
import type { Person } from "@/lib/auth/person";
import type { Store } from "@/lib/db/database";
import { newId } from "@/lib/db/ids";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { documentModels, documentText, type SavedDocument } from "@/lib/library/saved-document";
import type { SavedPromptView } from "@/lib/library/saved-ref";
import { keepSavedMedia } from "@/lib/media/saved-media";

export interface PromptMeta {
  title: string;
  description: string;
  tags: string[];
}

export interface SaveRequest extends PromptMeta {
  /** The prompt this draft was opened from; absent for a new one. */
  id?: string;
  saved: SavedDocument;
  /** Whether teammates may save revisions too (only the author sets it). */
  teamEditable?: boolean;
}

export interface SaveResult {
  id: string;
  revision: number;
  /** True when the person could not add a revision and a copy was saved instead. */
  forked: boolean;
}

export type SavedPrompt = SavedPromptView;

export interface RevisionSummary {
  number: number;
  author: string;
  createdAt: number;
  title: string;
}

/**
 * Saves a draft: a new prompt, a new revision of the one it came from (its author, or anyone
 * when it is team-editable), or else a copy that says where it was forked from. Each save is one
 * transaction; the revision number is taken by an atomic increment, so two people saving at
 * once make two revisions and neither is lost.
 */
export async function savePrompt(
  store: Store,
  request: SaveRequest,
  person: Person,
  now = Date.now(),
): Promise<SaveResult> {
  return store.db.transaction().execute(async (tx) => {
    const search = searchText(request);
    const existing = request.id
      ? await tx
          .selectFrom("prompts")
          .select(["id", "author", "team_editable", "latest_revision", "deleted_at", "kind"])
          .where("id", "=", request.id)
          .executeTakeFirst()
      : undefined;
    if (request.id && (!existing || existing.deleted_at !== null)) throw notFound(request.id);
    const mayRevise = existing && (existing.author === person.name || existing.team_editable === 1);
    if (existing && mayRevise) {
      if (existing.kind !== request.saved.kind) {
        throw new AppError({
          code: "bad_request:json",
          message: `This prompt is a ${existing.kind} prompt; a ${request.saved.kind} setup is saved as a new prompt.`,
        });
      }
      // Saving again with nothing changed makes no new revision.
      const latest = await tx
        .selectFrom("revisions")
        .innerJoin("prompts", "prompts.id", "revisions.prompt_id")
        .select(["revisions.document", "revisions.title", "prompts.description", "prompts.tags"])
        .where("revisions.prompt_id", "=", existing.id)
        .where("revisions.number", "=", existing.latest_revision)
        .executeTakeFirst();
      if (
        latest &&
        latest.document === JSON.stringify(request.saved.document) &&
        latest.title === request.title &&
        latest.description === request.description &&
        latest.tags === JSON.stringify(request.tags)
      ) {
        return { id: existing.id, revision: existing.latest_revision, forked: false };
      }
      const bumped = await tx
        .updateTable("prompts")
        .set((eb) => ({
          latest_revision: eb("latest_revision", "+", 1),
          updated_at: now,
          title: request.title,
          description: request.description,
          tags: JSON.stringify(request.tags),
          search_text: search,
          models: modelsColumn(request.saved),
          ...(existing.author === person.name && request.teamEditable !== undefined
            ? { team_editable: request.teamEditable ? 1 : 0 }
            : {}),
        }))
        .where("id", "=", existing.id)
        .returning("latest_revision")
        .executeTakeFirstOrThrow();
      await insertRevision(tx, existing.id, bumped.latest_revision, request, person, now);
      return { id: existing.id, revision: bumped.latest_revision, forked: false };
    }
    const id = newId();
    await tx
      .insertInto("prompts")
      .values({
        id,
        kind: request.saved.kind,
        title: request.title,
        description: request.description,
        tags: JSON.stringify(request.tags),
        author: person.name,
        team_editable: request.teamEditable ? 1 : 0,
        forked_from: existing?.id ?? null,
        forked_from_revision: existing?.latest_revision ?? null,
        latest_revision: 1,
        created_at: now,
        updated_at: now,
        deleted_at: null,
        search_text: search,
        models: modelsColumn(request.saved),
      })
      .execute();
    await insertRevision(tx, id, 1, request, person, now);
    return { id, revision: 1, forked: existing !== undefined };
  });
}

async function insertRevision(
  tx: Transaction<Database>,
  promptId: string,
  number: number,
  request: SaveRequest,
  person: Person,
  now: number,
): Promise<void> {
  const document = JSON.stringify(request.saved.document);
  await tx
    .insertInto("revisions")
    .values({
      prompt_id: promptId,
      number,
      author: person.name,
      created_at: now,
      title: request.title,
      document,
    })
    .execute();
  await keepSavedMedia(tx, document);
}

/** A prompt at its latest revision, or at `revision`; a deleted or unknown one is not found. */
export async function getPrompt(store: Store, id: string, revision?: number): Promise<SavedPrompt> {
  const row = await store.db
    .selectFrom("prompts")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row || row.deleted_at !== null) throw notFound(id);
  const number = revision ?? row.latest_revision;
  const rev = await store.db
    .selectFrom("revisions")
    .selectAll()
    .where("prompt_id", "=", id)
    .where("number", "=", number)
    .executeTakeFirst();
  if (!rev) {
    throw new AppError({
      code: "not_found",
      message: `This prompt has no revision ${number}: it has ${row.latest_revision}.`,
    });
  }
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    tags: JSON.parse(row.tags) as string[],
    author: row.author,
    teamEditable: row.team_editable === 1,
    forkedFrom:
      row.forked_from === null
        ? null
        : { id: row.forked_from, revision: row.forked_from_revision ?? 1 },
    latestRevision: row.latest_revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: {
      number: rev.number,
      author: rev.author,
      createdAt: rev.created_at,
      title: rev.title,
    },
    document: JSON.parse(rev.document),
  };
}

/** Every revision of a prompt, newest first. */
export async function listRevisions(store: Store, id: string): Promise<RevisionSummary[]> {
  const rows = await store.db
    .selectFrom("revisions")
    .select(["number", "author", "created_at", "title"])
    .where("prompt_id", "=", id)
    .orderBy("number", "desc")
    .execute();
  if (rows.length === 0) throw notFound(id);
  return rows.map((r) => ({
    number: r.number,
    author: r.author,
    createdAt: r.created_at,
    title: r.title,
  }));
}

function modelsColumn(saved: SavedDocument): string {
  return ` ${documentModels(saved).join(" ")} `;
}

function searchText(request: SaveRequest): string {
  return [request.title, request.description, request.tags.join(" "), documentText(request.saved)]
    .join("\n")
    .toLowerCase();
}

function notFound(id: string): AppError {
  return new AppError({
    code: "not_found",
    message: `No saved prompt has the id ${JSON.stringify(id.slice(0, 40))}: the link is wrong, or the prompt was deleted.`,
  });
}
