import "server-only";
import type { Person } from "@/lib/auth/person";
import type { Store } from "@/lib/db/database";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors";
import {
  MAX_SNAPSHOT_BYTES,
  type RunSnapshot,
  type SharedSnapshot,
} from "@/lib/library/run-snapshot";
import { keepSavedMedia } from "@/lib/media/saved-media";
import { getPrompt } from "./prompts";

/** Keeps a revision's run results for a share link; answers the snapshot's id. */
export async function saveSnapshot(
  store: Store,
  promptId: string,
  revision: number,
  results: unknown,
  person: Person,
  now = Date.now(),
): Promise<string> {
  const snapshot = readSnapshot(results);
  await getPrompt(store, promptId, revision);
  const text = JSON.stringify(snapshot);
  if (text.length > MAX_SNAPSHOT_BYTES) {
    throw new AppError({
      code: "payload_too_large",
      message: `These run results are ${Math.ceil(text.length / 1_048_576)} MB; a shared run keeps at most ${MAX_SNAPSHOT_BYTES / 1_048_576} MB. Share the prompt without them.`,
    });
  }
  const id = newId();
  await store.db.transaction().execute(async (tx) => {
    await tx
      .insertInto("snapshots")
      .values({
        id,
        prompt_id: promptId,
        revision,
        author: person.name,
        created_at: now,
        results: text,
      })
      .execute();
    await keepSavedMedia(tx, text);
  });
  return id;
}

/** A snapshot of this prompt's, with the revision it ran; a wrong id says so. */
export async function getSnapshot(
  store: Store,
  id: string,
  promptId: string,
): Promise<SharedSnapshot & { revision: number }> {
  const row = await store.db
    .selectFrom("snapshots")
    .selectAll()
    .where("id", "=", id)
    .where("prompt_id", "=", promptId)
    .executeTakeFirst();
  if (!row) {
    throw new AppError({
      code: "not_found",
      message: "This link's run results do not exist: the link is wrong or was cut short.",
    });
  }
  return {
    id: row.id,
    author: row.author,
    createdAt: row.created_at,
    revision: row.revision,
    results: JSON.parse(row.results) as RunSnapshot,
  };
}

/** The shape a snapshot must have; what is inside each run the browser checks as it reads it. */
function readSnapshot(value: unknown): RunSnapshot {
  const v = value as Partial<RunSnapshot> | null;
  const isMap = (m: unknown) => typeof m === "object" && m !== null && !Array.isArray(m);
  if (
    v?.version !== 1 ||
    (v.kind !== "chat" && v.kind !== "compare") ||
    !isMap(v.runs) ||
    (v.runByTurn !== undefined && !isMap(v.runByTurn)) ||
    (v.columnRuns !== undefined && !isMap(v.columnRuns))
  ) {
    throw new AppError({
      code: "bad_request:json",
      field: "results",
      message: "The run results are not in the form the playground saves them.",
    });
  }
  return {
    version: 1,
    kind: v.kind,
    runs: v.runs as Record<string, unknown>,
    runByTurn: v.runByTurn,
    columnRuns: v.columnRuns,
  };
}
