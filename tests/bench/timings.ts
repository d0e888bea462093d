import { EVENT_FLOOR_MS, type Probe } from "./page-probe";
import { fmt } from "./stats";

/** A span of the page's clock (ms since navigation start). */
export interface Span {
  from: number;
  to: number;
}

const inSpan = (t: number, s: Span) => t >= s.from && t < s.to;

export interface TaskFigures {
  /** 0 when no task passed 50 ms: the Long Tasks API reports nothing shorter. */
  longest: number;
  over50: number;
  /** Total blocking time: the part of each long task beyond 50 ms. */
  blockingMs: number;
  /** Each long task as [ms after the span's start, duration]: when in the run it struck. */
  tasks: [number, number][];
}

export function tasksIn(probe: Probe, span: Span): TaskFigures {
  const tasks = probe.longTasks.filter((t) => inSpan(t.start, span));
  const durations = tasks.map((t) => t.duration);
  return {
    longest: Math.max(0, ...durations),
    over50: durations.length,
    blockingMs: durations.reduce((sum, d) => sum + d - 50, 0),
    tasks: tasks.map((t) => [Math.round(t.start - span.from), t.duration]),
  };
}

const KEY_EVENTS = new Set(["keydown", "keypress", "input"]);

/**
 * Input-to-next-paint of each keystroke in the span: the longest of its keydown, keypress and
 * input entries. A keystroke with no entry was painted within the floor and counts as the floor.
 */
export function keystrokeLatencies(probe: Probe, span: Span): number[] {
  const keys = probe.keys.filter((k) => inSpan(k, span)).sort((a, b) => a - b);
  return keys.map((key, i) => {
    // Entries start at their own event's timestamp; input follows its keydown, never precedes it.
    // The last key's events end with the span: keys sent later (a prompt filled and sent with
    // Ctrl+Enter in the next phase) are not its own.
    const until = keys[i + 1] ?? span.to;
    const durations = probe.events
      .filter((e) => KEY_EVENTS.has(e.name) && e.start >= key - 1 && e.start < until - 1)
      .map((e) => e.duration);
    return Math.max(EVENT_FLOOR_MS, ...durations);
  });
}

export interface FrameFigures {
  /** Long animation frames (> 50 ms) in the span. */
  count: number;
  /** Of their time: script, and style + layout + paint after the scripts. */
  scriptMs: number;
  renderMs: number;
  /** The scripts that took most of it: invoker, file and function, with total ms. */
  top: string[];
}

export function framesIn(probe: Probe, span: Span): FrameFigures {
  const frames = probe.frames.filter((f) => inSpan(f.start, span));
  const byScript = new Map<string, number>();
  let scriptMs = 0;
  let renderMs = 0;
  for (const frame of frames) {
    // Both are 0 when the frame rendered nothing (a task that blocked but changed no pixels).
    const renderFrom = frame.styleAndLayoutStart || frame.renderStart;
    if (renderFrom > 0) renderMs += frame.start + frame.duration - renderFrom;
    for (const s of frame.scripts) {
      scriptMs += s.duration;
      const file = s.sourceURL.split("/").pop() ?? "";
      const key = `${s.invoker} · ${file}${s.sourceFunctionName ? ` · ${s.sourceFunctionName}` : ""}`;
      byScript.set(key, (byScript.get(key) ?? 0) + s.duration);
    }
  }
  const top = [...byScript]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([key, ms]) => `${key} (${Math.round(ms)} ms)`);
  return { count: frames.length, scriptMs, renderMs, top };
}

/** Event Timing reports in 8 ms steps from 16 ms up; anything at the floor was at most that. */
export const fmtKey = (ms: number) => (ms <= EVENT_FLOOR_MS ? `≤ ${EVENT_FLOOR_MS} ms` : fmt(ms));

export const fmtTask = (ms: number) => (ms === 0 ? "none > 50 ms" : fmt(ms));
