import "server-only";
import type { Selectable } from "kysely";
import { containsText } from "@/lib/db/contains-text";
import type { Store } from "@/lib/db/database";
import type { RunsTable } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { HistoryEntry, HistoryRun, KeptResult } from "@/lib/history/history-entry";
import type { PromptDoc } from "@/lib/prompt";

const PAGE = 100;

const LISTED = [
  "id",
  "author",
  "created_at",
  "duration_ms",
  "model",
  "status",
  "prompt_excerpt",
  "answer_excerpt",
  "input_tokens",
  "output_tokens",
  "thinking_tokens",
] as const;

/**
 * A person's runs, newest first (before `before`, for the next page); each of `text`'s words
 * must appear in the model, the question or the answer.
 */
export async function listRuns(
  store: Store,
  author: string,
  text = "",
  before?: number,
): Promise<HistoryEntry[]> {
  let q = store.db.selectFrom("runs").select(LISTED).where("author", "=", author);
  for (const word of text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    q = q.where(containsText("search_text", word, "lowercase"));
  }
  if (before !== undefined) q = q.where("created_at", "<", before);
  const rows = await q.orderBy("created_at", "desc").limit(PAGE).execute();
  return rows.map(entryOf);
}

/** One run whole, to open again: only its author's. */
export async function getRun(store: Store, id: string, author: string): Promise<HistoryRun> {
  const row = await store.db
    .selectFrom("runs")
    .innerJoin("run_bodies", "run_bodies.run_id", "runs.id")
    .select([...LISTED.map((column) => `runs.${column}` as const), "document", "result"])
    .where("runs.id", "=", id)
    .where("runs.author", "=", author)
    .executeTakeFirst();
  if (!row) {
    throw new AppError({
      code: "not_found",
      message: "This run is not in your history: the link is wrong, or the run is someone else's.",
    });
  }
  return {
    ...entryOf(row),
    document: JSON.parse(row.document) as PromptDoc,
    result: JSON.parse(row.result) as KeptResult,
  };
}

function entryOf(row: Pick<Selectable<RunsTable>, (typeof LISTED)[number]>): HistoryEntry {
  return {
    id: row.id,
    author: row.author,
    createdAt: row.created_at,
    durationMs: row.duration_ms,
    model: row.model,
    status: row.status as HistoryEntry["status"],
    prompt: row.prompt_excerpt,
    answer: row.answer_excerpt,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    thinkingTokens: row.thinking_tokens,
  };
}
