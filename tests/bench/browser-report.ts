import { fmtMb } from "./heap";
import type { StreamRun, StreamScenario } from "./long-answer";
import type { ConversationRun } from "./long-conversation";
import { fmt, median } from "./stats";
import { type FrameFigures, fmtKey, fmtTask } from "./timings";

/** Figures over several runs: the median run and the worst one (budgets are about the worst). */
export interface Spread {
  median: number;
  worst: number;
}

export const spread = (values: number[]): Spread => ({
  median: median(values),
  worst: Math.max(...values),
});

/** The run whose longest task was worst: its long frames explain the figure. */
const worstBy = <T>(runs: T[], score: (run: T) => number): T | undefined =>
  runs.reduce<T | undefined>((w, r) => (w === undefined || score(r) > score(w) ? r : w), undefined);

/** Each run's 1-minute load average before and after it (see browser-benches.ts). */
type Loaded = { machineLoad: number[] };

export const loadRange = (runs: Loaded[]) => {
  const all = runs.flatMap((r) => r.machineLoad);
  return { min: Math.min(...all), max: Math.max(...all) };
};

/** The benchmark itself (browser, app, emulator) keeps about one core busy. */
export function loadLine(load: { min: number; max: number }): string {
  const shared = load.max > 1.5 ? ": other work shared the CPU, so these figures read high" : "";
  return `(1-minute load average ${load.min.toFixed(2)}–${load.max.toFixed(2)} on 2 cores, ~1 of it the benchmark's own${shared})`;
}

export function summarizeStream(runs: (StreamRun & Loaded)[]) {
  return {
    runs: runs.length,
    machineLoad: loadRange(runs),
    streamMs: spread(runs.map((r) => r.streamMs)),
    longestTask: spread(runs.map((r) => r.streaming.longest)),
    tasksOver50: spread(runs.map((r) => r.streaming.over50)),
    blockingMs: spread(runs.map((r) => r.streaming.blockingMs)),
    commitLongestTask: spread(runs.map((r) => r.commit.longest)),
    keystrokes: runs.reduce((n, r) => n + r.keystrokes.length, 0),
    keyMedian: spread(runs.map((r) => median(r.keystrokes))),
    keyMax: spread(runs.map((r) => Math.max(...r.keystrokes))),
    frames: worstBy(runs, (r) => r.streaming.longest)?.frames,
  };
}

export function summarizeConversation(runs: (ConversationRun & Loaded)[]) {
  return {
    runs: runs.length,
    machineLoad: loadRange(runs),
    firstVisitMs: spread(runs.map((r) => r.firstVisitMs)),
    visibleMs: spread(runs.map((r) => r.visibleMs)),
    markdownMs: spread(runs.map((r) => r.markdownMs)),
    openMs: spread(runs.map((r) => r.openMs)),
    firstKeyMs: spread(runs.map((r) => r.firstKeyMs)),
    lcpMs: spread(runs.map((r) => r.lcpMs)),
    openingLongestTask: spread(runs.map((r) => r.opening.longest)),
    openingTasksOver50: spread(runs.map((r) => r.opening.over50)),
    domNodes: median(runs.map((r) => r.domNodes)),
    scrolledPx: median(runs.map((r) => r.scrolledPx)),
    scrollMs: median(runs.map((r) => r.scrollMs)),
    scrollLongestTask: spread(runs.map((r) => r.scroll.longest)),
    scrollTasksOver50: spread(runs.map((r) => r.scroll.over50)),
    keyMedian: spread(runs.map((r) => median(r.keystrokes))),
    keyMax: spread(runs.map((r) => Math.max(...r.keystrokes))),
    typingLongestTask: spread(runs.map((r) => r.typing.longest)),
    streamKeystrokes: median(runs.map((r) => r.streamKeystrokes.length)),
    streamKeyMedian: spread(runs.map((r) => median(r.streamKeystrokes))),
    streamKeyMax: spread(runs.map((r) => Math.max(...r.streamKeystrokes))),
    streamingLongestTask: spread(runs.map((r) => r.streaming.longest)),
    streamMs: median(runs.map((r) => r.streamMs)),
    heapUsed: spread(runs.map((r) => r.heap.usedBytes)),
    heapLive: spread(runs.map((r) => r.heap.liveBytes)),
    openingFrames: worstBy(runs, (r) => r.opening.longest)?.openingFrames,
    scrollFrames: worstBy(runs, (r) => r.scroll.longest)?.scrollFrames,
    typingFrames: worstBy(runs, (r) => Math.max(...r.keystrokes))?.typingFrames,
    streamingFrames: worstBy(runs, (r) => Math.max(...r.streamKeystrokes))?.streamingFrames,
  };
}

type Cell = (ms: number) => string;
const count: Cell = (n) => String(Math.round(n));
const seconds: Cell = (ms) => `${(ms / 1000).toFixed(1)} s`;

function row(name: string, s: Spread, cell: Cell, budget = ""): string {
  return `| ${name} | ${cell(s.median)} | ${cell(s.worst)} | ${budget} |`;
}

function frameLine(label: string, f: FrameFigures | undefined): string[] {
  if (!f || f.count === 0) return [`${label}: no animation frame over 50 ms.`];
  return [
    `${label}: ${f.count} frames over 50 ms; in them ${fmt(f.scriptMs)} of script and ` +
      `${fmt(f.renderMs)} of style, layout and paint. Most script time:`,
    ...f.top.map((t) => `  - ${t}`),
  ];
}

export function reportStream(
  scenario: StreamScenario,
  s: ReturnType<typeof summarizeStream>,
): string[] {
  const nominal = (scenario.tokens / scenario.rate) * 1000;
  return [
    `| ${scenario.tokens.toLocaleString("en")} tokens at ${scenario.rate}/s, ${s.runs} run(s) | median run | worst run | budget |`,
    "|---|---|---|---|",
    row("answer complete after", s.streamMs, seconds, `(${seconds(nominal)} at the rate)`),
    row("longest task while streaming", s.longestTask, fmtTask, "< 50 ms"),
    row("tasks > 50 ms while streaming", s.tasksOver50, count, "0"),
    row("total blocking time while streaming", s.blockingMs, fmt),
    row("longest task as the answer joins the chat", s.commitLongestTask, fmtTask, "< 50 ms"),
    row("keystroke → next paint, median", s.keyMedian, fmtKey, "< 50 ms"),
    row("keystroke → next paint, max", s.keyMax, fmtKey, "< 50 ms"),
    `(${s.keystrokes} keystrokes, one every 500 ms; Event Timing sees nothing under 16 ms)`,
    loadLine(s.machineLoad),
    "",
    ...frameLine("Worst run", s.frames),
  ];
}

export function reportConversation(
  label: string,
  s: ReturnType<typeof summarizeConversation>,
): string[] {
  return [
    `| ${label}, ${s.runs} runs | median run | worst run | budget |`,
    "|---|---|---|---|",
    row("first visit, nothing cached: last answer's markdown on screen", s.firstVisitMs, fmt),
    row("reload: last answer on screen (any content)", s.visibleMs, fmt),
    row("reload: last answer on screen, markdown (tables, math) rendered", s.markdownMs, fmt),
    row("reload, open: that, and a keystroke in the prompt box painted", s.openMs, fmt, "< 800 ms"),
    row("that first keystroke → next paint", s.firstKeyMs, fmtKey, "< 30 ms"),
    row("largest contentful paint", s.lcpMs, fmt),
    row("longest task while opening", s.openingLongestTask, fmtTask),
    row("tasks > 50 ms while opening", s.openingTasksOver50, count),
    row(
      `longest task while scrolling (${count(s.scrolledPx)} px in ${seconds(s.scrollMs)})`,
      s.scrollLongestTask,
      fmtTask,
      "< 50 ms",
    ),
    row("tasks > 50 ms while scrolling", s.scrollTasksOver50, count, "0"),
    row("keystroke → next paint, median (20 keys)", s.keyMedian, fmtKey, "< 30 ms"),
    row("keystroke → next paint, max", s.keyMax, fmtKey, "< 30 ms"),
    row("longest task while typing", s.typingLongestTask, fmtTask),
    row(
      `keystroke → next paint while an answer streams, median (${count(s.streamKeystrokes)} keys in ${seconds(s.streamMs)})`,
      s.streamKeyMedian,
      fmtKey,
      "< 30 ms",
    ),
    row("keystroke → next paint while an answer streams, max", s.streamKeyMax, fmtKey, "< 30 ms"),
    row("longest task while the answer streams", s.streamingLongestTask, fmtTask),
    row("JS heap after the run, used", s.heapUsed, fmtMb, "< 300 MB"),
    row("JS heap after the run, after a full GC", s.heapLive, fmtMb),
    `(${count(s.domNodes)} DOM elements once open; "opening" runs to 2 s after the keystroke; the heap is the page's main thread, not the highlighting worker)`,
    loadLine(s.machineLoad),
    "",
    ...frameLine("Opening, worst run", s.openingFrames),
    ...frameLine("Scrolling, worst run", s.scrollFrames),
    ...frameLine("Typing, worst run", s.typingFrames),
    ...frameLine("Typing while the answer streams, worst run", s.streamingFrames),
  ];
}
