import "server-only";
import { hostname } from "node:os";
import { ApiError } from "@google/genai";
import { serverEnv } from "@/lib/env";
import { gemini, upstreamName } from "@/lib/gemini/client";
import { toAppError } from "@/lib/gemini/errors";
import {
  InteractionChunkReader,
  type InteractionEvent,
  InteractionStreamError,
  type ReaderState,
} from "@/lib/gemini/interactions-chunks";
import { asGeminiError } from "@/lib/gemini/interactions-run";
import { keepRun } from "@/lib/history/server/record";
import { log } from "@/lib/log";
import type { PromptDoc } from "@/lib/prompt";
import type { RunEvent } from "@/lib/run/events";
import { foldRunActions, initialRunState } from "@/lib/run/reducer";
import {
  type BackgroundRow,
  claimJobs,
  type JobStatus,
  readJobEvents,
  releaseJob,
  writeProgress,
} from "./jobs";
import { notifyProgress } from "./progress";

/**
 * Follows background runs to their end, whichever server started them. Each server claims the
 * runs nobody holds (at start, then every third of a lease), reads each interaction's stream from
 * the last event written, writes what it reads every `FLUSH_MS` with its reader's state and the
 * event id (renewing the lease), and when the interaction ends writes the run to the history.
 * A server that stops, or stalls past its lease, loses the run to the next one that claims it.
 */
const OWNER = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
const FLUSH_MS = 250;
/** A stream that broke or an upstream that failed in passing is tried again after this. */
const RETRY_MS = 3_000;
const MAX_FOLLOWED = 50;

const followed = new Map<string, AbortController>();
let ticking: ReturnType<typeof setInterval> | undefined;

/** Starts claiming runs nobody follows; idempotent. */
export function startFollowing(): void {
  if (ticking) return;
  const leaseMs = serverEnv().backgroundLeaseMs;
  ticking = setInterval(() => void claimNow(), Math.max(500, leaseMs / 3));
  ticking.unref();
  void claimNow();
}

export function followerId(): string {
  return OWNER;
}

/**
 * Stops following everything at once, as a server that goes away does: nothing is released, so
 * the runs are taken over once their leases lapse, from the last events written.
 */
export function stopFollowing(): void {
  clearInterval(ticking);
  ticking = undefined;
  for (const abort of followed.values()) abort.abort();
}

/** Follows a run this server has just created and holds the lease of. */
export function followCreated(row: BackgroundRow): void {
  startFollowing();
  follow(row);
}

async function claimNow(): Promise<void> {
  try {
    const rows = await claimJobs(
      OWNER,
      serverEnv().backgroundLeaseMs,
      MAX_FOLLOWED - followed.size,
    );
    for (const row of rows) follow(row);
  } catch (error) {
    log("warn", "background runs could not be claimed", { error: errorText(error) });
  }
}

function follow(row: BackgroundRow): void {
  if (followed.has(row.id)) return;
  const abort = new AbortController();
  followed.set(row.id, abort);
  void followStream(row, abort.signal).finally(() => followed.delete(row.id));
}

interface Ended {
  status: JobStatus;
  events: RunEvent[];
}

async function followStream(row: BackgroundRow, signal: AbortSignal): Promise<void> {
  const leaseMs = serverEnv().backgroundLeaseMs;
  const reader = row.reader_state
    ? InteractionChunkReader.resume(JSON.parse(row.reader_state) as ReaderState)
    : new InteractionChunkReader();
  let seq = row.next_seq;
  let lastEventId = row.last_event_id;
  let pending: RunEvent[] = [];
  let lost = false;
  let writing: Promise<void> = Promise.resolve();
  const abort = new AbortController();
  signal.addEventListener("abort", () => abort.abort(), { once: true });

  let lastWrite = Date.now();
  /**
   * Writes what was read since the last write, or nothing to renew the lease, in order. A write
   * that fails keeps its events for the next one: the reader's state and the event id written
   * with them are always those of the last event they hold.
   */
  const flush = (ended?: Ended): Promise<void> => {
    writing = writing.then(async () => {
      if (lost) return;
      const events = ended ? [...pending, ...ended.events] : pending;
      pending = [];
      let kept: boolean;
      try {
        kept = await writeProgress(row.id, OWNER, {
          fromSeq: seq,
          events,
          lastEventId,
          readerState: JSON.stringify(reader.snapshot()),
          leaseMs,
          status: ended?.status,
        });
      } catch (error) {
        if (!ended) pending = [...events, ...pending];
        throw error;
      }
      lastWrite = Date.now();
      if (!kept) {
        lost = true;
        abort.abort();
        log("warn", "a background run was taken over by another server", { run: row.id });
        return;
      }
      seq += events.length;
      notifyProgress(row.id);
    });
    const written = writing;
    writing = writing.catch((error: unknown) => {
      log("warn", "a background run's progress could not be written", {
        run: row.id,
        error: errorText(error),
      });
    });
    return written;
  };
  // Events are written a few times a second; a run that is quiet (an agent thinking for
  // minutes) still renews its lease well before it lapses.
  const heartbeat = setInterval(() => {
    if (pending.length || Date.now() - lastWrite > leaseMs / 3) void flush().catch(() => undefined);
  }, FLUSH_MS);

  let ended: Ended | undefined;
  try {
    const stream = (await gemini().ai.interactions.get(
      row.interaction_id,
      { stream: true, ...(lastEventId && { last_event_id: lastEventId }) } as never,
      { signal: abort.signal, maxRetries: 0, timeout: 24 * 60 * 60 * 1000 },
    )) as unknown as AsyncIterable<InteractionEvent>;
    for await (const event of stream) {
      const data = reader.read(event);
      if (data) pending.push({ type: "chunk", data });
      if (event.event_id) lastEventId = event.event_id;
      if (event.event_type === "interaction.completed") {
        ended = completed(event.interaction?.status, reader);
        // The end is this event, whatever the connection does after it (under Next.js's own
        // fetch, a GET stream's body was seen to stay open after the last event).
        break;
      }
    }
    if (!ended) throw new StreamCut();
  } catch (error) {
    if (lost) return;
    ended = failed(error, row);
    if (!ended) {
      clearInterval(heartbeat);
      await writing;
      if (!signal.aborted) {
        log("warn", "a background run's stream broke; it is followed again shortly", {
          run: row.id,
          error: errorText(error),
        });
        await flush().catch(() => undefined);
        await releaseJob(row.id, OWNER, RETRY_MS).catch(() => undefined);
      }
      return;
    }
  } finally {
    clearInterval(heartbeat);
  }
  try {
    await writing;
    await flush({
      ...ended,
      events: [...ended.events, ...timing(row), { type: "done", data: {} }],
    });
    if (!lost) await keepInHistory(row, ended.status);
  } catch (error) {
    log("error", "a background run's end could not be written", {
      run: row.id,
      error: errorText(error),
    });
  }
}

class StreamCut extends Error {}

/** The interaction ended: what the reader still owed, and how the run ended in the run's terms. */
function completed(status: string | undefined, reader: InteractionChunkReader): Ended {
  const rest = reader.finish();
  const events: RunEvent[] = rest ? [{ type: "chunk", data: rest }] : [];
  if (status === "cancelled") {
    events.push({
      type: "chunk",
      data: { candidates: [{ finishMessage: "The background run was cancelled." }] },
    });
    return { status: "stopped", events };
  }
  return { status: "done", events };
}

/**
 * A failure Google reported (in the stream or as an answer) ends the run with its error; a cut
 * connection, an unreachable or overloaded upstream is tried again (undefined).
 */
function failed(error: unknown, row: BackgroundRow): Ended | undefined {
  const explained = asGeminiError(error);
  const reported = error instanceof InteractionStreamError;
  const final =
    reported ||
    (explained instanceof ApiError && explained.status < 500 && explained.status !== 429);
  if (!final) return undefined;
  const appError = toAppError(explained, {
    model: row.model,
    upstream: upstreamName(),
    requestId: row.id,
  }).withRequestId(row.id);
  return { status: "error", events: [{ type: "error", data: appError.body }] };
}

function timing(row: BackgroundRow): RunEvent[] {
  return [
    {
      type: "meta",
      data: {
        requestId: row.id,
        model: row.model,
        simulated: gemini().simulated,
        api: "interactions",
        background: { id: row.id },
        timing: { firstChunkMs: null, totalMs: Date.now() - row.created_at },
      },
    },
  ];
}

async function keepInHistory(row: BackgroundRow, status: JobStatus): Promise<void> {
  const events = (await readJobEvents(row.id, 0)).map((e) => e.event);
  const folded = foldRunActions(initialRunState(), events);
  // A cancelled run is the person's Stop, made from wherever they were.
  const state = status === "stopped" ? { ...folded, status } : folded;
  const doc = JSON.parse(row.document) as PromptDoc;
  await keepRun(doc, { name: row.author, via: "code" }, state, row.created_at);
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
