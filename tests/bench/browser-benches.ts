import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import type { Browser } from "@playwright/test";
import {
  reportConversation,
  reportStream,
  summarizeConversation,
  summarizeStream,
} from "./browser-report";
import { conversationChars, generateConversation, seedScript } from "./conversation-fixture";
import { fmtMb } from "./heap";
import { type StreamScenario, streamLongAnswer } from "./long-answer";
import { openLongConversation } from "./long-conversation";
import { options } from "./options";
import { fmt } from "./stats";
import { fmtKey, fmtTask } from "./timings";
import { reportTrace, summarizeTrace } from "./trace-summary";

export interface BenchOutput {
  lines: string[];
  results: Record<string, unknown>;
}

const TRACE_CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8.execute",
  "disabled-by-default-v8.cpu_profiler",
  "blink.user_timing",
];

/** One more run, traced (tracing slows the page, so its figures are not among the measured). */
export async function traced(browser: Browser, name: string, run: () => Promise<unknown>) {
  const path = `bench-results/${name}.trace.json`;
  await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
  await run();
  const trace = await browser.stopTracing();
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(path, trace);
  return ["", ...reportTrace(path, summarizeTrace(trace.toString("utf8")))];
}

/**
 * `count` runs, one after another, each with the machine's 1-minute load average before and
 * after it: on a shared 2-core machine a build next door shows up in the figures, and the load
 * says which runs to distrust.
 */
export async function repeat<T>(
  name: string,
  count: number,
  run: () => Promise<T>,
  summary: (run: T) => string,
): Promise<(T & { machineLoad: number[] })[]> {
  const runs: (T & { machineLoad: number[] })[] = [];
  for (let i = 1; i <= count; i++) {
    const before = loadavg()[0] ?? Number.NaN;
    const result = await run();
    const machineLoad = [before, loadavg()[0] ?? Number.NaN];
    console.info(
      `${name} run ${i}/${count} (load ${machineLoad.map((l) => l.toFixed(2)).join("→")}): ${summary(result)}`,
    );
    runs.push({ ...result, machineLoad });
  }
  return runs;
}

export async function benchStream(browser: Browser, appUrl: string): Promise<BenchOutput> {
  const scenario: StreamScenario = { tokens: options.quick ? 6_000 : 20_000, rate: 300 };
  const runs = await repeat(
    "stream",
    options.streamRuns,
    () => streamLongAnswer(browser, appUrl, scenario),
    (r) =>
      `longest task ${fmtTask(r.streaming.longest)}, ${r.streaming.over50} over 50 ms, ` +
      `keystroke max ${fmtKey(Math.max(...r.keystrokes))}`,
  );
  const summary = summarizeStream(runs);
  const lines = [
    "",
    `## Streaming a long answer: ${scenario.tokens.toLocaleString("en")} tokens of markdown while typing`,
    "",
    ...reportStream(scenario, summary),
  ];
  if (options.trace)
    lines.push(
      ...(await traced(browser, "stream", () => streamLongAnswer(browser, appUrl, scenario))),
    );
  return { lines, results: { stream_long_answer: { scenario, summary, runs } } };
}

export async function benchConversation(browser: Browser, appUrl: string): Promise<BenchOutput> {
  const shape = { pairs: 100, totalChars: 1_000_000 };
  const turns = generateConversation(shape);
  const seed = seedScript(turns);
  const label = `${turns.length} turns, ${conversationChars(turns).toLocaleString("en")} characters`;
  const runs = await repeat(
    "conversation",
    options.conversationRuns,
    () => openLongConversation(browser, appUrl, seed, shape.pairs),
    (r) =>
      `first visit ${fmt(r.firstVisitMs)}, reload open ${fmt(r.openMs)} (markdown ` +
      `${fmt(r.markdownMs)}), scroll longest task ` +
      `${fmtTask(r.scroll.longest)}, keystroke max ${fmtKey(Math.max(...r.keystrokes))}, ` +
      `while streaming ${fmtKey(Math.max(...r.streamKeystrokes))}, heap ${fmtMb(r.heap.usedBytes)}`,
  );
  const summary = summarizeConversation(runs);
  const lines = ["", `## A long conversation: ${label}`, "", ...reportConversation(label, summary)];
  if (options.trace) {
    lines.push(
      ...(await traced(browser, "conversation", () =>
        openLongConversation(browser, appUrl, seed, shape.pairs),
      )),
    );
  }
  return { lines, results: { long_conversation: { shape, label, summary, runs } } };
}
