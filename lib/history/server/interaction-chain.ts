import "server-only";
import { createHash } from "node:crypto";
import type { Person } from "@/lib/auth/person";
import { store } from "@/lib/db/store";
import { openRun, type RunOptions } from "@/lib/gemini/run";
import { log } from "@/lib/log";
import { type PromptDoc, parsePromptDoc, type Turn } from "@/lib/prompt";
import type { RunEvent } from "@/lib/run/events";
import { foldRunActions, initialRunState } from "@/lib/run/reducer";
import type { PreviousInteraction } from "@/lib/wire/interactions-request";
import { toContents, type UpstreamRequest } from "@/lib/wire/request";

/**
 * "Keep history at Google": the Interactions API stores each interaction, and a follow-up names
 * the one it follows (`previous_interaction_id`) and sends only what came after. The playground
 * keeps, for each answer, which interaction holds the conversation up to it, by a hash of exactly
 * those turns. A conversation edited since matches nothing and is sent whole (stored again), so
 * what the model reads is always what is on screen.
 */
function conversationHash(author: string, model: string, turns: readonly Turn[]): string {
  return createHash("sha256")
    .update(JSON.stringify([author, model, turns]))
    .digest("base64url");
}

/** The stored interaction the longest answered start of this conversation is held by, if any. */
export async function previousInteraction(
  doc: PromptDoc,
  person: Person,
): Promise<PreviousInteraction | undefined> {
  const ends = doc.contents.flatMap((turn, i) => (turn.role === "model" ? [i + 1] : []));
  if (!ends.length) return undefined;
  const byHash = new Map(
    ends.map((end) => [conversationHash(person.name, doc.model, doc.contents.slice(0, end)), end]),
  );
  const { db } = await store();
  const found = await db
    .selectFrom("interaction_chain")
    .select(["conversation_hash", "interaction_id"])
    .where("conversation_hash", "in", [...byHash.keys()])
    .execute();
  let best: { id: string; end: number } | undefined;
  for (const row of found) {
    const end = byHash.get(row.conversation_hash) ?? 0;
    if (!best || end > best.end) best = { id: row.interaction_id, end };
  }
  if (!best) return undefined;
  // The request's contents leave out turns with nothing to send: count them as the mapping does.
  const turns = toContents({ ...doc, contents: doc.contents.slice(0, best.end) }).length;
  return { id: best.id, turns };
}

/**
 * Passes a stored run's events through, and once it has answered, keeps which interaction now
 * holds the conversation with that answer (its `responseId`).
 */
export async function* rememberInteraction(
  events: AsyncIterable<RunEvent>,
  doc: PromptDoc,
  person: Person,
): AsyncGenerator<RunEvent> {
  const seen: RunEvent[] = [];
  for await (const event of events) {
    seen.push(event);
    yield event;
  }
  const state = foldRunActions(initialRunState(), seen);
  if (state.status !== "done" || !state.responseId || !state.parts.length) return;
  // The answer as the page will send it back: the model's turn, read as the document reads it.
  const answered = parsePromptDoc({
    ...doc,
    contents: [...doc.contents, { role: "model", parts: state.parts }],
  });
  if (!answered.ok) return;
  try {
    const { db } = await store();
    await db
      .insertInto("interaction_chain")
      .values({
        conversation_hash: conversationHash(person.name, doc.model, answered.value.contents),
        interaction_id: state.responseId,
        created_at: Date.now(),
      })
      .onConflict((c) =>
        c.column("conversation_hash").doUpdateSet({ interaction_id: state.responseId ?? "" }),
      )
      .execute();
  } catch (error) {
    log("warn", "a stored conversation could not be remembered; the next turn goes whole", {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** A run as the document asks for it: kept at Google (see `runKeptAtGoogle`) or not. */
export function openRunAsAsked(
  upstream: UpstreamRequest,
  doc: PromptDoc,
  person: Person,
  options: RunOptions,
): AsyncGenerator<RunEvent> {
  return options.api === "interactions" && doc.config.store
    ? runKeptAtGoogle(upstream, doc, person, options)
    : openRun(upstream, options);
}

/**
 * A run through the Interactions API that Google keeps: it follows the interaction holding the
 * conversation so far, if there is one, and is remembered once it answered. The database not
 * answering only means the conversation goes whole.
 */
export async function* runKeptAtGoogle(
  upstream: UpstreamRequest,
  doc: PromptDoc,
  person: Person,
  options: RunOptions,
): AsyncGenerator<RunEvent> {
  const previous = await previousInteraction(doc, person).catch(() => undefined);
  const run = openRun(upstream, { ...options, interactions: { store: true, previous } });
  yield* rememberInteraction(
    previous ? wholeIfForgotten(run, upstream, options) : run,
    doc,
    person,
  );
}

/**
 * Google keeps a stored interaction for a while, not for ever (and one can be deleted): a follow-up
 * naming one it no longer holds is refused (404) before any answer. Then the conversation is sent
 * whole, stored again, as if it had never been kept; the person sees one run.
 */
async function* wholeIfForgotten(
  run: AsyncGenerator<RunEvent>,
  upstream: UpstreamRequest,
  options: RunOptions,
): AsyncGenerator<RunEvent> {
  const held: RunEvent[] = [];
  for await (const event of run) {
    // Refused before anything was said: only the opening meta is held, nothing yet given.
    if (event.type === "error" && event.data.code === "not_found:gemini" && held.length === 1) {
      await run.return(undefined);
      yield* openRun(upstream, { ...options, interactions: { store: true } });
      return;
    }
    if (event.type === "meta" && held.length === 0 && !event.data.timing) {
      held.push(event);
      continue;
    }
    yield* held.splice(0);
    yield event;
  }
  yield* held;
}
