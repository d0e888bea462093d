import type { Browser, Page } from "@playwright/test";
import type { BaselineProgress, BaselineWindow } from "./baseline/control";
import { markNow, newProbedPage } from "./browser";
import { CHUNK_INTERVAL_MS, type CorpusCase } from "./corpus-cases";
import { type CorpusRun, readFigures, typeUntilEnd } from "./corpus-run";

const progressOf = (page: Page) =>
  page.evaluate(() => {
    const control = (window as unknown as BaselineWindow).__baseline;
    if (!control) throw new Error("the baseline page lost its control");
    return { ...control.progress };
  });

const progressLine = (p: BaselineProgress) => `${p.appended}/${p.total} chunks`;

/**
 * The same case on the baseline page (baseline/main.tsx): the same chunks on the same schedule,
 * handed to Streamdown used plainly, with the same keystrokes into its textarea. A page that
 * needs more than three times the stream's time is stopped and reported with what it got done.
 */
export async function streamCorpusInBaseline(
  browser: Browser,
  baselineUrl: string,
  c: CorpusCase,
): Promise<CorpusRun> {
  const { context, page } = await newProbedPage(browser);
  try {
    await page.goto(baselineUrl, { waitUntil: "networkidle" });
    await page.waitForFunction(() => (window as unknown as BaselineWindow).__baseline?.ready);
    await page.getByRole("textbox", { name: "Prompt" }).focus();
    const from = await markNow(page, "streaming");
    const startedAt = Date.now();
    await page.evaluate(
      ({ chunks, interval }) =>
        (window as unknown as BaselineWindow).__baseline?.start(chunks, interval),
      { chunks: c.chunks, interval: CHUNK_INTERVAL_MS },
    );
    const ended = await typeUntilEnd(
      page,
      async () => (await progressOf(page)).endedAt,
      startedAt + 3 * c.nominalMs,
    );
    const streamMs = Date.now() - startedAt;
    let end = ended;
    if (end === null) {
      end = await page.evaluate(
        () => (window as unknown as BaselineWindow).__baseline?.stop() ?? 0,
      );
    }
    const progress = await progressOf(page);
    const figures = await readFigures(page, from, end, ended !== null);
    return {
      streamMs,
      ...figures,
      delivered: progressLine(progress),
      failure:
        ended === null
          ? `did not keep up: ${progressLine(progress)} after ${(streamMs / 1000).toFixed(1)} s`
          : null,
    };
  } finally {
    await context.close();
  }
}
