import type { Browser, Page } from "@playwright/test";
import { markNow, newProbedPage, sleep } from "./browser";
import { type BenchOutput, repeat, traced } from "./browser-benches";
import { corpusCase } from "./corpus-cases";
import { type RunFigures, readFigures, typeUntilEnd } from "./corpus-run";
import { options } from "./options";
import { measure, summarize, throughApp } from "./proxy-overhead";
import { sampleRss } from "./rss";
import { fmt, median } from "./stats";
import { fmtKey, fmtTask } from "./timings";

/**
 * Compare's budgets (issue 18): columns streaming at once keep the page responsive (no task over
 * 50 ms, keystrokes under 50 ms), each column finishes within 10% of the same stream run alone,
 * the server stays under 300 MB, and six parallel columns' time to first token stays within
 * 1.5× of one run's.
 */

const FOUR = { columns: 4, tokens: 5_000, rate: 200 };
/**
 * A column's request as a model answers it: Gemini's first token comes after a few hundred
 * milliseconds, never the emulator's 3 ms, so the ratio says whether the columns wait for each
 * other rather than how six requests' parsing compares with one request's.
 */
const PACED_PROMPT = "Compare column.\n#emulator tokens=300 rate=200/s delay=300ms";
/** Six models, so each column can be given its own hostile answer with `#emulator model=…`. */
const SIX_MODELS = [
  "gemini-2.5-flash",
  "gemini-2.5-pro",
  "gemini-2.5-flash-lite",
  "gemini-2.0-flash",
  "gemini-3.5-flash",
  "gemini-3-flash-preview",
] as const;
const SIX_CASES = ["json", "table", "code", "math", "paragraphs", "mixed"] as const;

interface CompareRun extends RunFigures {
  /** Each column's total time, as its metrics row shows it. */
  columnMs: number[];
  /** The same stream alone: column 1 rerun once the four are done. */
  aloneMs: number;
  serverPeakExtraRssBytes: number;
}

const column = (page: Page, n: number) =>
  page.getByRole("region", { name: `Column ${n}`, exact: true });

/** A fresh compare page with `count` columns. */
async function openCompare(page: Page, appUrl: string, count: number): Promise<void> {
  await page.goto(`${appUrl}/compare`, { waitUntil: "networkidle" });
  await column(page, 2).waitFor();
  for (let n = 3; n <= count; n++) {
    await page.getByRole("button", { name: "Add column" }).click();
    await column(page, n).waitFor();
  }
}

/** Each column's total time in ms, exact: the metrics row's `<data>` value. */
async function columnTotals(page: Page, count: number): Promise<number[]> {
  const totals: number[] = [];
  for (let n = 1; n <= count; n++) {
    const total = column(page, n)
      .getByLabel("Metrics")
      .locator("dt", { hasText: /^Total$/ })
      .locator("+ dd data");
    totals.push(Number(await total.getAttribute("value")));
  }
  return totals;
}

type RunAllWatch = { __benchRunAllBack: number | null };

/**
 * Stamps when Run all is enabled again after the run disabled it, from inside the task that
 * enables it. Polling the stamp is a cheap read; a role query instead walks every column's
 * growing answer (and forces style and layout) at every poll, inside the figures being measured.
 */
async function watchRunAll(page: Page): Promise<void> {
  const button = await page.getByRole("button", { name: "Run all" }).elementHandle();
  await button.evaluate((el) => {
    const w = window as unknown as RunAllWatch;
    const runAll = el as HTMLButtonElement;
    w.__benchRunAllBack = null;
    let started = false;
    new MutationObserver((_, observer) => {
      if (runAll.disabled) started = true;
      else if (started) {
        performance.mark("bench:commit");
        w.__benchRunAllBack = performance.now();
        observer.disconnect();
      }
    }).observe(runAll, { attributes: true, attributeFilter: ["disabled"] });
  });
  await button.dispose();
}

const runAllBackAt = (page: Page) =>
  page.evaluate(() => (window as unknown as RunAllWatch).__benchRunAllBack);

/** Sends the prompt, types every 250 ms until Run all is back, reads the figures. */
async function runAndType(page: Page, prompt: string, timeoutMs: number): Promise<RunFigures> {
  const box = page.getByRole("textbox", { name: "Prompt" });
  await box.fill(prompt);
  await watchRunAll(page);
  const from = await markNow(page, "streaming");
  await box.press("Control+Enter");
  const end = await typeUntilEnd(page, () => runAllBackAt(page), Date.now() + timeoutMs);
  if (end === null) throw new Error(`the columns were still streaming after ${timeoutMs} ms`);
  return readFigures(page, from, end, true);
}

/** Column 1 run again on its own, once the others are done: its total time. */
async function aloneInColumn(page: Page): Promise<number> {
  await watchRunAll(page);
  await column(page, 1).getByRole("button", { name: "Rerun", exact: true }).click();
  const deadline = Date.now() + 120_000;
  while ((await runAllBackAt(page)) === null) {
    if (Date.now() > deadline) throw new Error("the column was still streaming after 120 s");
    await sleep(250);
  }
  return (await columnTotals(page, 1))[0] ?? Number.NaN;
}

async function fourColumns(
  browser: Browser,
  appUrl: string,
  serverPid: number,
): Promise<CompareRun> {
  const prompt = `Four at once\n#emulator tokens=${FOUR.tokens} rate=${FOUR.rate}/s`;
  const { context, page } = await newProbedPage(browser);
  try {
    await openCompare(page, appUrl, FOUR.columns);
    const rss = sampleRss(serverPid);
    const figures = await runAndType(page, prompt, 120_000);
    const serverPeakExtraRssBytes = await rss.stop();
    const columnMs = await columnTotals(page, FOUR.columns);
    return { ...figures, columnMs, aloneMs: await aloneInColumn(page), serverPeakExtraRssBytes };
  } finally {
    await context.close();
  }
}

/** Six columns, each streaming another of the hostile answers at its benchmark pace. */
async function sixHostile(browser: Browser, appUrl: string): Promise<RunFigures> {
  const lines = SIX_CASES.map((name, i) => {
    const c = corpusCase(name);
    return `#emulator model=${SIX_MODELS[i]} corpus=${name} rate=${c.rate}/s chunk=${c.chunkTokens}`;
  });
  const { context, page } = await newProbedPage(browser);
  try {
    await openCompare(page, appUrl, SIX_MODELS.length);
    for (const [i, model] of SIX_MODELS.entries()) {
      await column(page, i + 1)
        .getByRole("combobox", { name: "Model" })
        .selectOption(model);
    }
    return await runAndType(page, `Six hostile answers\n${lines.join("\n")}`, 120_000);
  } finally {
    await context.close();
  }
}

const fmtMb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function benchCompare(
  browser: Browser,
  appUrl: string,
  serverPid: number,
): Promise<BenchOutput> {
  const four = await repeat(
    "compare four",
    options.conversationRuns,
    () => fourColumns(browser, appUrl, serverPid),
    (r) =>
      `longest task ${fmtTask(r.streaming.longest)}, ${r.streaming.over50} over 50 ms, keystroke max ` +
      `${fmtKey(Math.max(...r.keystrokes))}, slowest column ${fmt(Math.max(...r.columnMs))} vs alone ` +
      `${fmt(r.aloneMs)}, server +${fmtMb(r.serverPeakExtraRssBytes)}`,
  );
  const six = await repeat(
    "compare six hostile",
    options.conversationRuns,
    () => sixHostile(browser, appUrl),
    (r) =>
      `longest task ${fmtTask(r.streaming.longest)}, ${r.streaming.over50} over 50 ms, keystroke max ` +
      `${fmtKey(Math.max(...r.keystrokes))}`,
  );
  // Server side: six runs through /api/run at once against one alone, as a model answers (its
  // first token after 300 ms, then 200 tokens a second), and in bursts with no wait at all.
  const paced = () => throughApp(appUrl, PACED_PROMPT);
  await measure(paced, 2, 6);
  const single = summarize(await measure(paced, 1, 12));
  const parallel = summarize(await measure(paced, 6, 36));
  const burst = () => throughApp(appUrl);
  await measure(burst, 2, 6);
  const burstSingle = summarize(await measure(burst, 1, 20));
  const burstParallel = summarize(await measure(burst, 6, 36));

  const worst = (values: number[]) => Math.max(...values);
  const med = (values: number[]) => median(values);
  const slowdown = four.map((r) => worst(r.columnMs) / r.aloneMs);
  const lines = [
    "",
    `## Compare: ${FOUR.columns} columns of ${FOUR.tokens.toLocaleString("en")} tokens at ${FOUR.rate} tokens/s, and six hostile answers`,
    "",
    "| scenario | figure | median run (worst) | budget |",
    "| --- | --- | --- | --- |",
    `| four columns | longest task | ${fmtTask(med(four.map((r) => r.streaming.longest)))} (${fmtTask(worst(four.map((r) => r.streaming.longest)))}) | < 50 ms |`,
    `| four columns | keystroke max | ${fmtKey(med(four.map((r) => Math.max(...r.keystrokes))))} (${fmtKey(worst(four.map((r) => Math.max(...r.keystrokes))))}) | < 50 ms |`,
    `| four columns | slowest column / alone | ${med(slowdown).toFixed(2)}× (${worst(slowdown).toFixed(2)}×) | < 1.10× |`,
    `| four columns | server memory above idle | ${fmtMb(med(four.map((r) => r.serverPeakExtraRssBytes)))} (${fmtMb(worst(four.map((r) => r.serverPeakExtraRssBytes)))}) | < 300 MB in all |`,
    `| six hostile columns | longest task | ${fmtTask(med(six.map((r) => r.streaming.longest)))} (${fmtTask(worst(six.map((r) => r.streaming.longest)))}) | < 50 ms |`,
    `| six hostile columns | keystroke max | ${fmtKey(med(six.map((r) => Math.max(...r.keystrokes))))} (${fmtKey(worst(six.map((r) => Math.max(...r.keystrokes))))}) | < 50 ms |`,
    `| 6 parallel runs via /api/run, paced as a model | TTFT median / one run's | ${(parallel.ttftMedian / single.ttftMedian).toFixed(2)}× (${fmt(parallel.ttftMedian)} vs ${fmt(single.ttftMedian)}) | < 1.5× |`,
    `| same, p95 | TTFT p95 / one run's | ${(parallel.ttftP95 / single.ttftP95).toFixed(2)}× (${fmt(parallel.ttftP95)} vs ${fmt(single.ttftP95)}) | |`,
    `| 6 parallel runs via /api/run, bursts with no wait | TTFT median / one run's | ${(burstParallel.ttftMedian / burstSingle.ttftMedian).toFixed(2)}× (${fmt(burstParallel.ttftMedian)} vs ${fmt(burstSingle.ttftMedian)}) | (for the record) |`,
  ];
  if (options.trace) {
    lines.push(
      ...(await traced(browser, "compare-four", () => fourColumns(browser, appUrl, serverPid))),
    );
    lines.push(...(await traced(browser, "compare-six", () => sixHostile(browser, appUrl))));
  }
  return {
    lines,
    results: { compare: { four, six, single, parallel, burstSingle, burstParallel } },
  };
}
