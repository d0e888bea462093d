import "server-only";
import { sql } from "kysely";
import type { Store } from "@/lib/db/database";
import type { BackgroundRunsTable } from "@/lib/db/schema";
import { store } from "@/lib/db/store";
import type { RunEvent } from "@/lib/run/events";
import type { RunStatus } from "@/lib/run/reducer";

/**
 * Background runs in the database: the job, who follows it (a lease that lapses unless renewed)
 * and its events in order. Every write of a follower is conditional on its lease, so a server that
 * lost one (it stalled past the lease, and another took the run over) writes nothing more.
 */
export type BackgroundRow = BackgroundRunsTable;

export type JobStatus = Extract<RunStatus, "streaming" | "done" | "error" | "stopped">;

export const RUNNING: JobStatus = "streaming";

/** A background run's id, as the page makes them (or `newId`): it goes into URLs. */
export const BACKGROUND_ID = /^[\w-]{16,64}$/;

export interface NewJob {
  id: string;
  author: string;
  interactionId: string;
  model: string;
  document: string;
  /** The run's first events (its opening meta), written with the job. */
  events: RunEvent[];
  owner: string;
  leaseMs: number;
}

export async function createJob(
  job: NewJob,
  from: () => Promise<Store> = store,
): Promise<BackgroundRow> {
  const { db } = await from();
  const now = Date.now();
  const row: BackgroundRow = {
    id: job.id,
    author: job.author,
    interaction_id: job.interactionId,
    model: job.model,
    document: job.document,
    status: RUNNING,
    created_at: now,
    updated_at: now,
    last_event_id: null,
    reader_state: null,
    next_seq: job.events.length,
    lease_owner: job.owner,
    lease_until: now + job.leaseMs,
  };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto("background_runs").values(row).execute();
    if (job.events.length) {
      await tx
        .insertInto("background_events")
        .values(
          job.events.map((event, seq) => ({ run_id: job.id, seq, event: JSON.stringify(event) })),
        )
        .execute();
    }
  });
  return row;
}

/**
 * Takes over up to `limit` running jobs whose lease has lapsed. On PostgreSQL the rows are locked
 * as they are picked (`for update skip locked`), so servers claiming at once never take the same
 * one; SQLite has one writer, and the claim is one statement.
 */
export async function claimJobs(
  owner: string,
  leaseMs: number,
  limit: number,
  from: () => Promise<Store> = store,
): Promise<BackgroundRow[]> {
  if (limit <= 0) return [];
  const { db, dialect } = await from();
  const now = Date.now();
  if (dialect === "postgres") {
    return db.transaction().execute(async (tx) => {
      const picked = await tx
        .selectFrom("background_runs")
        .select("id")
        .where("status", "=", RUNNING)
        .where("lease_until", "<", now)
        .orderBy("created_at")
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (!picked.length) return [];
      return tx
        .updateTable("background_runs")
        .set({ lease_owner: owner, lease_until: now + leaseMs })
        .where(
          "id",
          "in",
          picked.map((row) => row.id),
        )
        .returningAll()
        .execute();
    });
  }
  const claimed = await sql<BackgroundRow>`
    update background_runs set lease_owner = ${owner}, lease_until = ${now + leaseMs}
    where id in (
      select id from background_runs where status = ${RUNNING} and lease_until < ${now}
      order by created_at limit ${limit}
    )
    returning *`.execute(db);
  return claimed.rows;
}

export interface Progress {
  /** The `seq` the first of `events` takes: the job's `next_seq` as this follower knows it. */
  fromSeq: number;
  events: RunEvent[];
  lastEventId: string | null;
  readerState: string | null;
  leaseMs: number;
  /** Set when the run ended: the job's final status, and its lease given up. */
  status?: JobStatus;
}

/**
 * Writes what a follower read since its last write, and renews its lease, in one transaction.
 * False when the lease is no longer this owner's: the follower must stop.
 */
export async function writeProgress(
  id: string,
  owner: string,
  progress: Progress,
  from: () => Promise<Store> = store,
): Promise<boolean> {
  const { db } = await from();
  const now = Date.now();
  return db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable("background_runs")
      .set({
        next_seq: progress.fromSeq + progress.events.length,
        last_event_id: progress.lastEventId,
        reader_state: progress.readerState,
        updated_at: now,
        ...(progress.status
          ? { status: progress.status, lease_owner: null, lease_until: 0 }
          : { lease_until: now + progress.leaseMs }),
      })
      .where("id", "=", id)
      .where("lease_owner", "=", owner)
      .where("next_seq", "=", progress.fromSeq)
      .where("status", "=", RUNNING)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    if (progress.events.length) {
      await tx
        .insertInto("background_events")
        .values(
          progress.events.map((event, i) => ({
            run_id: id,
            seq: progress.fromSeq + i,
            event: JSON.stringify(event),
          })),
        )
        .execute();
    }
    return true;
  });
}

/** Gives a lease up at once (the follower met a failure worth retrying): any server may retry. */
export async function releaseJob(id: string, owner: string, retryInMs: number): Promise<void> {
  const { db } = await store();
  await db
    .updateTable("background_runs")
    .set({ lease_owner: null, lease_until: Date.now() + retryInMs })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .execute();
}

/**
 * A run stopped before it was registered: its name is taken, stopped, so the request still on its
 * way starts nothing. False if the name was taken meanwhile.
 */
export async function markStopped(id: string, author: string): Promise<boolean> {
  const { db } = await store();
  const now = Date.now();
  const inserted = await db
    .insertInto("background_runs")
    .values({
      id,
      author,
      interaction_id: "",
      model: "",
      document: "{}",
      status: "stopped",
      created_at: now,
      updated_at: now,
      last_event_id: null,
      reader_state: null,
      next_seq: 0,
      lease_owner: null,
      lease_until: 0,
    })
    .onConflict((c) => c.column("id").doNothing())
    .returning("id")
    .execute();
  return inserted.length === 1;
}

export async function findJob(id: string): Promise<BackgroundRow | undefined> {
  const { db } = await store();
  return db.selectFrom("background_runs").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A job's events from `afterSeq` on (exclusive), in order. */
export async function readJobEvents(
  id: string,
  fromSeq: number,
): Promise<{ seq: number; event: RunEvent }[]> {
  const { db } = await store();
  const rows = await db
    .selectFrom("background_events")
    .select(["seq", "event"])
    .where("run_id", "=", id)
    .where("seq", ">=", fromSeq)
    .orderBy("seq")
    .execute();
  return rows.map((row) => ({ seq: row.seq, event: JSON.parse(row.event) as RunEvent }));
}

/** A person's background runs, newest first. */
export async function listJobs(author: string, limit = 20): Promise<BackgroundRow[]> {
  const { db } = await store();
  return db
    .selectFrom("background_runs")
    .selectAll()
    .where("author", "=", author)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}
