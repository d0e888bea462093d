import type { Browser, Page } from "@playwright/test";
import type { RequestLogEntry } from "@/lib/emulator";
import { markNow, newProbedPage } from "./browser";
import { type CorpusCase, corpusPrompt } from "./corpus-cases";
import { type CorpusRun, readFigures, typeUntilEnd } from "./corpus-run";
import { stopGoneAt, watchStopButton } from "./long-answer";

/** Past three times its stream time (plus the request's own start), the run has failed. */
const deadlineFor = (c: CorpusCase, sentAt: number) => sentAt + 3 * c.nominalMs + 10_000;

/**
 * Did the whole answer reach the app? The emulator's log says whether it handed every SSE event
 * to the transport (a thinking model's thoughts and Gemini 3's closing empty part come on top of
 * the text's chunks); an error alert on the page says the app gave up on it.
 */
async function checkDelivery(
  page: Page,
  emulatorUrl: string,
  c: CorpusCase,
): Promise<{ delivered: string; problems: string[] }> {
  const response = await fetch(`${emulatorUrl}/emulator/requests`);
  const { requests } = (await response.json()) as { requests: RequestLogEntry[] };
  const entry = requests.filter((r) => r.path.includes(":streamGenerateContent")).at(-1);
  const problems: string[] = [];
  let delivered = "no stream in the emulator's log";
  if (!entry) problems.push(delivered);
  else {
    delivered = `${entry.chunksSent} events for ${c.chunks.length} chunks, ${entry.outcome}`;
    if (entry.outcome !== "ok" || entry.chunksSent < c.chunks.length) {
      problems.push(`emulator: ${delivered}`);
    }
  }
  // Read after the figures: a role query walks the whole DOM on the main thread.
  const alerts = await page.getByRole("main").getByRole("alert").allTextContents();
  for (const text of alerts) problems.push(`alert: ${text.trim().slice(0, 200)}`);
  return { delivered, problems };
}

type AnswerWatch = { __benchAnswerAt: number | null };

/**
 * Stamps when the first Answer article enters the page, from inside the task that adds it. A
 * Playwright wait instead polls on the main thread, so behind a multi-second first render it
 * would resolve late and leave that render out of the span.
 */
async function watchFirstAnswer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as AnswerWatch;
    w.__benchAnswerAt = null;
    new MutationObserver((_, observer) => {
      if (
        !document.querySelector('article[aria-label^="Model turn"], article[aria-label="Answer"]')
      )
        return;
      performance.mark("bench:streaming");
      w.__benchAnswerAt = performance.now();
      observer.disconnect();
    }).observe(document.body, { childList: true, subtree: true });
  });
}

const answerAt = (page: Page) =>
  page.evaluate(() => (window as unknown as AnswerWatch).__benchAnswerAt);

/**
 * One corpus case through the real page: the prompt sent as a person sends it, a key typed into
 * the prompt box every 250 ms while the answer streams, until the Stop button leaves.
 */
export async function streamCorpusInApp(
  browser: Browser,
  appUrl: string,
  emulatorUrl: string,
  c: CorpusCase,
): Promise<CorpusRun> {
  // Only this run's request in the log, so the check below cannot read an earlier one.
  await fetch(`${emulatorUrl}/emulator/requests`, { method: "DELETE" });
  const { context, page } = await newProbedPage(browser);
  try {
    // networkidle: the idle-time preload of the markdown renderer has finished.
    await page.goto(appUrl, { waitUntil: "networkidle" });
    const prompt = page.getByRole("textbox", { name: "Prompt" });
    await prompt.fill(corpusPrompt(c));
    await watchFirstAnswer(page);
    const sentAt = Date.now();
    await prompt.press("Control+Enter");
    await watchStopButton(page);

    const ended = await typeUntilEnd(page, () => stopGoneAt(page), deadlineFor(c, sentAt));
    const streamMs = Date.now() - sentAt;
    const problems: string[] = [];
    const first = await answerAt(page);
    if (first === null) problems.push("no Answer article appeared");
    const from = first ?? 0;
    let end = ended;
    if (end === null) {
      problems.push(`still streaming after ${(streamMs / 1000).toFixed(1)} s; stopped`);
      end = await markNow(page, "gave-up");
      await page.getByRole("button", { name: "Stop", exact: true }).click();
    }
    const figures = await readFigures(page, from, end, ended !== null);
    const delivery = await checkDelivery(page, emulatorUrl, c);
    problems.push(...delivery.problems);
    return {
      streamMs,
      ...figures,
      delivered: delivery.delivered,
      failure: problems.length > 0 ? problems.join("; ") : null,
    };
  } finally {
    await context.close();
  }
}
