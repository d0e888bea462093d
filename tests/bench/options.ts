/**
 * Environment knobs for `npm run bench`. Defaults give the figures the README quotes; the knobs
 * exist for iterating on one benchmark while other work (a build, an e2e run) shares the machine.
 *
 *   BENCH_ONLY=proxy,doors,stream,corpus,conversation,media,compare,library  run a subset
 *                        (default: all, in that order; doors: the OpenAI-compatible and Interactions
 *                        runs' proxy overhead)
 *   BENCH_CORPUS=line,json,…  the corpus cases to stream (default: all of CORPUS_NAMES)
 *   BENCH_QUICK=1        a 6,000-token stream, run once, for quick iteration
 *   BENCH_RUNS=N         browser runs per benchmark (default 3; stream and corpus 1 with BENCH_QUICK)
 *   BENCH_APP_PORT=N     port of `next start` (default 4390; pair another with NEXT_DIST_DIR)
 *   BENCH_TRACE=1        after the measured runs, one extra traced run per browser benchmark (and
 *                        per corpus case, in the app only): Chromium trace in bench-results/, and
 *                        a summary of what the long tasks did
 */
import { CORPUS_NAMES, type CorpusName } from "@/lib/emulator/native/corpus";

export const BENCHMARKS = [
  "proxy",
  "doors",
  "stream",
  "corpus",
  "conversation",
  "media",
  "compare",
  "library",
] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return n;
}

function selected(): BenchmarkName[] {
  const raw = process.env.BENCH_ONLY;
  if (!raw) return [...BENCHMARKS];
  const names = raw.split(",").map((s) => s.trim());
  for (const name of names) {
    if (!(BENCHMARKS as readonly string[]).includes(name)) {
      throw new Error(`BENCH_ONLY: unknown benchmark "${name}" (known: ${BENCHMARKS.join(", ")})`);
    }
  }
  return names as BenchmarkName[];
}

function corpusCases(): CorpusName[] {
  const raw = process.env.BENCH_CORPUS;
  if (!raw) return [...CORPUS_NAMES];
  const names = raw.split(",").map((s) => s.trim());
  for (const name of names) {
    if (!(CORPUS_NAMES as readonly string[]).includes(name)) {
      throw new Error(`BENCH_CORPUS: unknown case "${name}" (known: ${CORPUS_NAMES.join(", ")})`);
    }
  }
  return names as CorpusName[];
}

const quick = process.env.BENCH_QUICK === "1";

export const options = {
  only: selected(),
  /** A partial run merges into bench-results/latest.json instead of replacing it. */
  partial: Boolean(process.env.BENCH_ONLY),
  quick,
  streamRuns: positiveInt("BENCH_RUNS", quick ? 1 : 3),
  conversationRuns: positiveInt("BENCH_RUNS", 3),
  corpus: corpusCases(),
  corpusRuns: positiveInt("BENCH_RUNS", quick ? 1 : 3),
  appPort: positiveInt("BENCH_APP_PORT", 4390),
  trace: process.env.BENCH_TRACE === "1",
};
