import type { Page } from "@playwright/test";
import { markNow, readProbe, SETTLE_MS, sleep } from "./browser";
import { keystrokeLatencies, type TaskFigures, tasksIn } from "./timings";

/**
 * What one streamed corpus case measures, on the app's page and on the baseline page alike: the
 * same probe, the same typing, the same spans, so the two columns of the report compare.
 */
export interface CorpusRun {
  /** Start → end, by the benchmark's clock (polled, so up to a keystroke interval late). */
  streamMs: number;
  /** While the answer streamed, up to the task that ended it. */
  streaming: TaskFigures;
  /** That task and the 1.5 s after it; null when the run was cut short. */
  after: TaskFigures | null;
  keystrokes: number[];
  /** How much of the answer got through, e.g. "241 events, ok" or "120/240 chunks". */
  delivered: string;
  /** Why this run is not a whole answer rendered in time, or null when it is. */
  failure: string | null;
}

export type RunFigures = Pick<CorpusRun, "streaming" | "after" | "keystrokes">;

/** Fast enough that a janky frame lands under a keystroke; slow enough to be a fast typist. */
export const KEY_INTERVAL_MS = 250;
export const AFTER_MS = 1_500;

/**
 * Types a key every 250 ms into the focused box until `ended` returns the page-clock stamp of the
 * end, or `deadline` (epoch ms) passes: then null.
 */
export async function typeUntilEnd(
  page: Page,
  ended: () => Promise<number | null>,
  deadline: number,
): Promise<number | null> {
  let next = Date.now();
  for (;;) {
    const end = await ended();
    if (end !== null) return end;
    if (Date.now() > deadline) return null;
    await page.keyboard.type("x");
    next += KEY_INTERVAL_MS;
    await sleep(Math.max(0, next - Date.now()));
  }
}

/**
 * Reads the probe once the after-window has passed. A whole run splits at the task that ended
 * the stream (however long before the stamp it began); a run cut short at `end` has no after.
 */
export async function readFigures(
  page: Page,
  from: number,
  end: number,
  whole: boolean,
): Promise<RunFigures> {
  await sleep(whole ? Math.max(AFTER_MS, SETTLE_MS) : SETTLE_MS);
  await markNow(page, "end");
  const probe = await readProbe(page);
  const endTask = probe.longTasks.find((t) => t.start <= end && end <= t.start + t.duration);
  const cut = whole ? (endTask?.start ?? end) : end;
  const streaming = { from, to: cut };
  return {
    streaming: tasksIn(probe, streaming),
    after: whole ? tasksIn(probe, { from: cut, to: end + AFTER_MS }) : null,
    keystrokes: keystrokeLatencies(probe, streaming),
  };
}
