import type { Browser } from "@playwright/test";
import { type BenchOutput, repeat, traced } from "./browser-benches";
import { streamCorpusInApp } from "./corpus-app";
import { streamCorpusInBaseline } from "./corpus-baseline";
import { startBaselineServer } from "./corpus-baseline-server";
import { CHUNK_INTERVAL_MS, corpusCase, MAX_CHUNKS, MIN_CHUNK_TOKENS } from "./corpus-cases";
import { reportCorpus, summarizeCase } from "./corpus-report";
import { type CorpusRun, KEY_INTERVAL_MS } from "./corpus-run";
import { options } from "./options";
import { fmtKey, fmtTask } from "./timings";

const oneLine = (r: CorpusRun) =>
  `${fmtTask(r.streaming.longest)}, ${r.streaming.over50} over 50 ms, keys ≤ ` +
  `${fmtKey(Math.max(0, ...r.keystrokes))}, done in ${(r.streamMs / 1000).toFixed(1)} s` +
  (r.failure ? ` — FAILED: ${r.failure}` : "");

/**
 * A run that threw (a page that crashed, a button that never came) still leaves the other cases'
 * figures standing: it is reported as failed, with no figures of its own.
 */
async function guarded(run: () => Promise<CorpusRun>): Promise<CorpusRun> {
  try {
    return await run();
  } catch (error) {
    const none = { longest: Number.NaN, over50: Number.NaN, blockingMs: Number.NaN, tasks: [] };
    return {
      streamMs: Number.NaN,
      streaming: none,
      after: null,
      keystrokes: [],
      delivered: "unknown",
      failure: `crashed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    };
  }
}

/**
 * Hostile-but-real answers (the emulator's `corpus=` texts) streamed through the app, each run
 * followed at once by the same chunks on the baseline page, so machine noise hits both alike.
 */
export async function benchCorpus(
  browser: Browser,
  appUrl: string,
  emulatorUrl: string,
): Promise<BenchOutput> {
  const baseline = await startBaselineServer();
  const cases: ReturnType<typeof summarizeCase>[] = [];
  const raw: Record<string, unknown>[] = [];
  const traces: string[] = [];
  try {
    for (const name of options.corpus) {
      const c = corpusCase(name);
      const pairs = await repeat(
        `corpus ${name}`,
        options.corpusRuns,
        async () => ({
          ours: await guarded(() => streamCorpusInApp(browser, appUrl, emulatorUrl, c)),
          baseline: await guarded(() => streamCorpusInBaseline(browser, baseline.url, c)),
        }),
        (p) => `ours ${oneLine(p.ours)} · baseline ${oneLine(p.baseline)}`,
      );
      const summary = summarizeCase(c, pairs);
      cases.push(summary);
      raw.push({ ...summary, runs: pairs });
      if (options.trace) {
        traces.push(
          ...(await traced(browser, `corpus-${name}`, () =>
            guarded(() => streamCorpusInApp(browser, appUrl, emulatorUrl, c)),
          )),
        );
      }
    }
  } finally {
    await baseline.close();
  }
  const pace = {
    chunkIntervalMs: CHUNK_INTERVAL_MS,
    minChunkTokens: MIN_CHUNK_TOKENS,
    maxChunks: MAX_CHUNKS,
    keyIntervalMs: KEY_INTERVAL_MS,
  };
  const lines = [
    "",
    "## Hostile-but-real answers: the app against Streamdown used plainly",
    "",
    ...reportCorpus(cases, options.corpusRuns),
    ...traces,
  ];
  return { lines, results: { corpus: { pace, cases: raw } } };
}
