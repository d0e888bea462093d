import "server-only";
import type { Person } from "@/lib/auth/person";
import { partsText } from "@/lib/compare/turn-text";
import type { Store } from "@/lib/db/database";
import { newId } from "@/lib/db/ids";
import { store } from "@/lib/db/store";
import { log } from "@/lib/log";
import { estimateCost } from "@/lib/pricing";
import type { PromptDoc } from "@/lib/prompt";
import type { RunEvent } from "@/lib/run/events";
import {
  answerText,
  foldRunActions,
  initialRunState,
  type RunState,
  runReducer,
} from "@/lib/run/reducer";

/** What the history list shows of the question and the answer. */
const EXCERPT = 300;

const pending = new Set<Promise<void>>();

/** Once every run that has ended is written to the history (tests, and a clean shutdown). */
export async function historyWritten(): Promise<void> {
  await Promise.all(pending);
}

/**
 * Passes a run's events through unchanged, folding them with the browser's own reducer, and
 * keeps the run in the history when they end for any reason: done, failed, or the person gone
 * (a closed tab still leaves the answer as far as it came). The server records it, so no
 * reload, closed tab or browser can lose it.
 */
export async function* recordRun(
  events: AsyncIterable<RunEvent>,
  doc: PromptDoc,
  person: Person,
  keepIn: () => Promise<Store> = store,
): AsyncGenerator<RunEvent> {
  const startedAt = Date.now();
  // Folded once at the end, not per chunk: the stream's own pace is the person's.
  const seen: RunEvent[] = [];
  try {
    for await (const event of events) {
      seen.push(event);
      yield event;
    }
  } finally {
    let state = foldRunActions(initialRunState(), seen);
    if (state.status === "streaming") state = runReducer(state, { type: "stop" });
    // Not awaited: the stream ends, and its run slot is given back, without waiting on the
    // database (a slow or unreachable one would hold both). `keep` reports its own failure.
    const write = keep(keepIn, doc, person, state, startedAt);
    pending.add(write);
    void write.finally(() => pending.delete(write));
  }
}

/** Keeps a run that ended elsewhere than in `recordRun` (a background run) in the history. */
export function keepRun(
  doc: PromptDoc,
  person: Person,
  state: RunState,
  startedAt: number,
): Promise<void> {
  return keep(store, doc, person, state, startedAt);
}

async function keep(
  keepIn: () => Promise<Store>,
  doc: PromptDoc,
  person: Person,
  state: RunState,
  startedAt: number,
) {
  const { chunks: _chunks, meta: _meta, ...result } = state;
  const usage = state.usage ?? {};
  const lastAsk = [...doc.contents].reverse().find((t) => t.role === "user");
  const asked = lastAsk ? partsText(lastAsk.parts) : "";
  const answered = state.error?.message ?? answerText(state.parts);
  const id = newId();
  try {
    const { db } = await keepIn();
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto("runs")
        .values({
          id,
          author: person.name,
          created_at: startedAt,
          day: new Date(startedAt).toISOString().slice(0, 10),
          duration_ms: Date.now() - startedAt,
          model: doc.model,
          status: state.status,
          input_tokens: usage.promptTokenCount ?? 0,
          output_tokens: usage.candidatesTokenCount ?? 0,
          thinking_tokens: usage.thoughtsTokenCount ?? 0,
          cost_usd: estimateCost(doc.model, state.usage),
          prompt_excerpt: asked.slice(0, EXCERPT),
          answer_excerpt: answered.slice(0, EXCERPT),
          search_text: [doc.model, asked, answered].join("\n").slice(0, 20_000).toLowerCase(),
        })
        .execute();
      await tx
        .insertInto("run_bodies")
        .values({ run_id: id, document: JSON.stringify(doc), result: JSON.stringify(result) })
        .execute();
    });
  } catch (error) {
    // The answer reached the person; the history missing it is logged, not thrown at them.
    log("error", "a run could not be kept in the history", {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
