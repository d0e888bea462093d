/**
 * Reads a Chromium trace (devtools.timeline + the V8 sampling profiler) and says what the long
 * tasks on the page's main thread were made of: self time per trace event (script, style,
 * layout, paint, GC…) and per JavaScript function, counted only inside tasks over 50 ms.
 */
interface TraceEvent {
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  ph: string;
  name: string;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  /** Only `functionName` is always there: (root), (program) and (idle) have no script. */
  callFrame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number };
}

const TASK_NAMES = new Set(["RunTask", "ThreadControllerImpl::RunTask"]);
const LONG_US = 50_000;

export interface TraceSummary {
  longTasks: number;
  longTaskMs: number;
  /** Self time by trace event name inside long tasks, top first. */
  byEvent: [string, number][];
  /** Self time by JS function (name file:line:col) inside long tasks, top first. */
  byFunction: [string, number][];
  /** Self time by script file inside long tasks: which bundle (library) the time went to. */
  byFile: [string, number][];
}

function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const busy = new Map<string, number>();
  const mains = new Set(
    events
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === "X" && TASK_NAMES.has(e.name) && mains.has(key)) {
      busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
    }
  }
  const [key] = [...busy].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!key) throw new Error("the trace has no renderer main thread with tasks");
  const [pid, tid] = key.split(":").map(Number);
  return { pid: pid ?? 0, tid: tid ?? 0 };
}

/** Self time (own duration minus nested events') per event name, within `spans` (sorted). */
function selfTimes(events: TraceEvent[], spans: [number, number][]): Map<string, number> {
  const totals = new Map<string, number>();
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let next = 0;
  for (const [start, end] of spans) {
    while (next < sorted.length && (sorted[next]?.ts ?? 0) < start) next++;
    const stack: { end: number; name: string; self: number }[] = [];
    const pop = () => {
      const done = stack.pop();
      if (done) totals.set(done.name, (totals.get(done.name) ?? 0) + done.self);
    };
    for (; next < sorted.length; next++) {
      const e = sorted[next] as TraceEvent;
      if (e.ts >= end) break;
      const eEnd = e.ts + (e.dur ?? 0);
      while (stack.length && (stack.at(-1)?.end ?? 0) <= e.ts) pop();
      const parent = stack.at(-1);
      if (parent) parent.self -= e.dur ?? 0;
      stack.push({ end: Math.min(eEnd, end), name: e.name, self: e.dur ?? 0 });
    }
    while (stack.length) pop();
  }
  return totals;
}

/** Self time per JS function and per file, from the sampling profiler, within `spans`. */
function sampledTimes(events: TraceEvent[], pid: number, tid: number, spans: [number, number][]) {
  const starts = new Map<string, number>();
  for (const e of events) {
    if (e.name === "Profile" && e.pid === pid && e.tid === tid && e.id) {
      starts.set(e.id, e.args?.data?.startTime ?? e.ts);
    }
  }
  const nodes = new Map<number, ProfileNode>();
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const clock = new Map<string, number>();
  const inLong = (t: number) => spans.some(([s, e]) => t >= s && t < e);
  for (const e of events) {
    if (e.name !== "ProfileChunk" || e.pid !== pid || !e.id || !starts.has(e.id)) continue;
    for (const node of e.args?.data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const samples = e.args?.data?.cpuProfile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    let t = clock.get(e.id) ?? starts.get(e.id) ?? 0;
    samples.forEach((id, i) => {
      t += deltas[i] ?? 0;
      // A sample stands for the interval up to the next one; the profiler ticks about every 100 µs.
      const weight = deltas[i + 1] ?? 100;
      const frame = nodes.get(id)?.callFrame;
      if (!frame || !inLong(t)) return;
      const file = frame.url?.split("/").pop() || "(native)";
      const where = frame.url
        ? ` ${file}:${(frame.lineNumber ?? 0) + 1}:${(frame.columnNumber ?? 0) + 1}`
        : "";
      const name = `${frame.functionName || "(anonymous)"}${where}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + weight);
      byFile.set(file, (byFile.get(file) ?? 0) + weight);
    });
    clock.set(e.id, t);
  }
  return { byFunction, byFile };
}

const top = (m: Map<string, number>, n: number): [string, number][] =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, us]) => [k, us / 1000]);

/** A part of the run, between two `bench:` marks the benchmark put on the page's timeline. */
export interface TracePhase {
  label: string;
  summary: TraceSummary;
}

function summarizeSpans(
  all: TraceEvent[],
  work: TraceEvent[],
  thread: { pid: number; tid: number },
  spans: [number, number][],
): TraceSummary {
  const sampled = sampledTimes(all, thread.pid, thread.tid, spans);
  return {
    longTasks: spans.length,
    longTaskMs: spans.reduce((ms, [s, e]) => ms + (e - s) / 1000, 0),
    byEvent: top(selfTimes(work, spans), 12),
    byFunction: top(sampled.byFunction, 15),
    byFile: top(sampled.byFile, 8),
  };
}

/**
 * Phases run from one `bench:<label>` mark (performance.mark, traced as blink.user_timing) to the
 * next; what precedes the first mark is "opening".
 */
export function summarizeTrace(json: string): TracePhase[] {
  const parsed = JSON.parse(json) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const { pid, tid } = mainThread(events);
  const thread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X");
  const long = thread.filter((e) => TASK_NAMES.has(e.name) && (e.dur ?? 0) > LONG_US);
  // Nested RunTask pairs (toplevel and devtools.timeline both name one task) count once.
  const spans: [number, number][] = [];
  for (const e of [...long].sort((a, b) => a.ts - b.ts)) {
    if (e.ts >= (spans.at(-1)?.[1] ?? 0)) spans.push([e.ts, e.ts + (e.dur ?? 0)]);
  }
  const marks = events
    .filter((e) => e.pid === pid && e.name.startsWith("bench:"))
    .sort((a, b) => a.ts - b.ts);
  const bounds = [
    { label: "opening", ts: 0 },
    ...marks.map((m) => ({ label: m.name.slice("bench:".length), ts: m.ts })),
  ];
  const work = thread.filter((e) => !TASK_NAMES.has(e.name));
  return bounds.map(({ label, ts }, i) => {
    const end = bounds[i + 1]?.ts ?? Number.POSITIVE_INFINITY;
    // By the end: a task that places a mark itself (the commit) belongs to the phase it opens.
    const mine = spans.filter(([, stop]) => stop > ts && stop <= end);
    return { label, summary: summarizeSpans(events, work, { pid, tid }, mine) };
  });
}

export function reportTrace(path: string, phases: TracePhase[]): string[] {
  const list = (rows: [string, number][]) => rows.map(([k, ms]) => `  - ${ms.toFixed(1)} ms  ${k}`);
  return phases.flatMap(({ label, summary: s }) =>
    s.longTasks === 0
      ? [`Traced run (${path}), ${label}: no task over 50 ms.`]
      : [
          `Traced run (${path}), ${label}: ${s.longTasks} tasks over 50 ms, ${s.longTaskMs.toFixed(0)} ms in all. Their self time by trace event:`,
          ...list(s.byEvent),
          "by script file (sampled):",
          ...list(s.byFile),
          "by JavaScript function (sampled):",
          ...list(s.byFunction),
        ],
  );
}
