import { loadLine, loadRange, type Spread, spread } from "./browser-report";
import { CHUNK_INTERVAL_MS, type CorpusCase, MAX_CHUNKS, MIN_CHUNK_TOKENS } from "./corpus-cases";
import { type CorpusRun, KEY_INTERVAL_MS } from "./corpus-run";
import { median } from "./stats";
import { fmtKey, fmtTask } from "./timings";

export interface CorpusPair {
  ours: CorpusRun;
  baseline: CorpusRun;
  machineLoad: number[];
}

const maxKey = (keys: number[]) => (keys.length > 0 ? Math.max(...keys) : Number.NaN);

function summarizeSide(runs: CorpusRun[]) {
  // A run cut short has no "after"; its other figures still count (they are what it did).
  const whole = runs.flatMap((r) => (r.after ? [r.after.longest] : []));
  return {
    runs: runs.length,
    failures: runs.flatMap((r, i) => (r.failure ? [`run ${i + 1}: ${r.failure}`] : [])),
    streamMs: spread(runs.map((r) => r.streamMs)),
    longestTask: spread(runs.map((r) => r.streaming.longest)),
    tasksOver50: spread(runs.map((r) => r.streaming.over50)),
    blockingMs: spread(runs.map((r) => r.streaming.blockingMs)),
    keyMedian: spread(runs.map((r) => median(r.keystrokes))),
    keyMax: spread(runs.map((r) => maxKey(r.keystrokes))),
    afterLongestTask: whole.length > 0 ? spread(whole) : null,
  };
}

type Side = ReturnType<typeof summarizeSide>;

/**
 * Ours over the baseline, by the median run's longest task. The Long Tasks API sees nothing
 * under 50 ms, so a side with none is only known to be below that.
 */
function ratio(ours: number, baseline: number): string {
  if (ours === 0 && baseline === 0) return "both < 50 ms";
  if (baseline === 0) return `> ${(ours / 50).toFixed(1)}×`;
  if (ours === 0) return `< ${(50 / baseline).toFixed(2)}×`;
  return `${(ours / baseline).toFixed(2)}×`;
}

export function summarizeCase(c: CorpusCase, pairs: CorpusPair[]) {
  const ours = summarizeSide(pairs.map((p) => p.ours));
  const baseline = summarizeSide(pairs.map((p) => p.baseline));
  return {
    case: c.name,
    chars: c.chars,
    chunkTokens: c.chunkTokens,
    rate: c.rate,
    chunks: c.chunks.length,
    nominalMs: c.nominalMs,
    machineLoad: loadRange(pairs),
    ours,
    baseline,
    // A baseline stopped part-way had not yet met the text's worst: the ratio flatters it.
    longestTaskRatio:
      ratio(ours.longestTask.median, baseline.longestTask.median) +
      (pairs.some((p) => p.baseline.after === null) ? " (baseline cut short)" : ""),
  };
}

type CaseSummary = ReturnType<typeof summarizeCase>;

const both = (s: Spread, cell: (ms: number) => string) =>
  s.median === s.worst ? cell(s.median) : `${cell(s.median)} / ${cell(s.worst)}`;
const count = (n: number) => String(Math.round(n));

function sideCells(s: Side): string[] {
  return [
    both(s.longestTask, fmtTask),
    both(s.tasksOver50, count),
    both(s.keyMax, fmtKey),
    s.afterLongestTask ? both(s.afterLongestTask, fmtTask) : "n/a",
  ];
}

const failureLines = (s: CaseSummary) => [
  ...s.ours.failures.map((f) => `- ${s.case}, ours, ${f}`),
  ...s.baseline.failures.map((f) => `- ${s.case}, baseline, ${f}`),
];

/** A page that fell behind met each chunk later than the pace: say so beside its figures. */
function lateLine(cases: CaseSummary[]): string[] {
  const late = cases.flatMap((s) =>
    (["ours", "baseline"] as const).flatMap((side) => {
      const ms = s[side].streamMs.median;
      return ms > 1.25 * s.nominalMs
        ? [`${s.case} ${side} ${(ms / 1000).toFixed(1)} s of ${(s.nominalMs / 1000).toFixed(0)} s`]
        : [];
    }),
  );
  return late.length > 0 ? [`Done late (median run): ${late.join("; ")}.`] : [];
}

export function reportCorpus(cases: CaseSummary[], runs: number): string[] {
  const marked = (s: CaseSummary) =>
    s.ours.failures.length + s.baseline.failures.length > 0 ? `${s.case} ⚠` : s.case;
  const failures = cases.flatMap(failureLines);
  const sides = ["longest task", "tasks > 50 ms", "keystroke max", "longest task after the end"];
  return [
    `| case (${runs} run(s)) | chars | ${sides.map((h) => `ours: ${h}`).join(" | ")} | ${sides.map((h) => `baseline: ${h}`).join(" | ")} | longest task, ours / baseline |`,
    `|---|---:|${"---|".repeat(8)}---|`,
    ...cases.map(
      (s) =>
        `| ${marked(s)} | ${s.chars.toLocaleString("en")} | ${sideCells(s.ours).join(" | ")} | ${sideCells(s.baseline).join(" | ")} | ${s.longestTaskRatio} |`,
    ),
    "",
    `Cells: median run / worst run (one figure when they agree). Chunks every ${CHUNK_INTERVAL_MS} ms ` +
      `of at least ${MIN_CHUNK_TOKENS} tokens, grown to keep each case within ${MAX_CHUNKS} chunks; ` +
      `a key typed every ${KEY_INTERVAL_MS} ms while it streams ("keystroke max": input to next ` +
      `paint, ≤ 16 ms when Event Timing saw nothing); "after the end": the task that ended the ` +
      "stream and 1.5 s after it. Baseline: the same chunks appended with setState into " +
      "`<Streamdown plugins={{ code, math }} isAnimating>` (tests/bench/baseline/).",
    ...lateLine(cases),
    loadLine(
      loadRange(cases.map((s) => ({ machineLoad: [s.machineLoad.min, s.machineLoad.max] }))),
    ),
    ...(failures.length > 0
      ? ["", "Runs that failed (their figures are in the table):", ...failures]
      : []),
  ];
}
