import type { Browser, Locator, Page } from "@playwright/test";
import { markNow, newProbedPage, readProbe, SETTLE_MS, sleep } from "./browser";
import {
  type FrameFigures,
  framesIn,
  keystrokeLatencies,
  type TaskFigures,
  tasksIn,
} from "./timings";

/**
 * Streaming a long markdown answer (the emulator's padding: headings, lists, code blocks) at a
 * steady rate, while a person types into the prompt box every half second: does the page keep
 * up, and does typing stay instant while the answer grows?
 */
export interface StreamScenario {
  tokens: number;
  /** Tokens per second. */
  rate: number;
}

export interface StreamRun {
  /** Send → Stop gone, by the benchmark's clock (polled, so up to 500 ms late). */
  streamMs: number;
  /** While the answer streamed (first Answer article → the task that removed Stop). */
  streaming: TaskFigures;
  /** That task and 1.5 s after: the finished answer joins the conversation, rendered anew. */
  commit: TaskFigures;
  frames: FrameFigures;
  keystrokes: number[];
}

const KEY_INTERVAL_MS = 500;
const COMMIT_WINDOW_MS = 1_500;

type StopWatch = { __benchStopGone: number | null };

/**
 * Stamps when the Stop button leaves the page, from inside the task that removes it: the render
 * in which the finished answer joins the conversation (also marked for a traced run). Polling the
 * stamp is a cheap read; a role query instead would walk the whole, growing DOM on the main
 * thread at every poll and show up in the very figures being measured.
 */
export async function watchStopButton(
  page: Page,
  button: Locator = page.getByRole("button", { name: "Stop", exact: true }),
): Promise<void> {
  const stop = await button.elementHandle();
  await stop.evaluate((button) => {
    const w = window as unknown as StopWatch;
    w.__benchStopGone = null;
    new MutationObserver((_, observer) => {
      if (button.isConnected) return;
      performance.mark("bench:commit");
      w.__benchStopGone = performance.now();
      observer.disconnect();
    }).observe(document.body, { childList: true, subtree: true });
  });
  await stop.dispose();
}

export const stopGoneAt = (page: Page) =>
  page.evaluate(() => (window as unknown as StopWatch).__benchStopGone);

export async function streamLongAnswer(
  browser: Browser,
  appUrl: string,
  scenario: StreamScenario,
): Promise<StreamRun> {
  const { context, page } = await newProbedPage(browser);
  try {
    // networkidle: the idle-time preload of the markdown renderer has finished, so the stream
    // measures rendering, not a download.
    await page.goto(appUrl, { waitUntil: "networkidle" });
    const prompt = page.getByRole("textbox", { name: "Prompt" });
    await prompt.fill(
      `Write a long answer.\n#emulator tokens=${scenario.tokens} rate=${scenario.rate}/s`,
    );
    const sentAt = Date.now();
    await prompt.press("Control+Enter");
    await watchStopButton(page);
    await page.getByRole("article", { name: "Model turn" }).first().waitFor();
    const from = await markNow(page, "streaming");

    // The prompt keeps focus after sending; each keystroke lands there.
    const deadline = sentAt + (scenario.tokens / scenario.rate) * 2_000 + 30_000;
    let next = Date.now();
    let ended: number | null = null;
    for (;;) {
      ended = await stopGoneAt(page);
      if (ended !== null) break;
      if (Date.now() > deadline)
        throw new Error("the Stop button was still there after twice the stream's time");
      await page.keyboard.type("x");
      next += KEY_INTERVAL_MS;
      await sleep(Math.max(0, next - Date.now()));
    }
    const streamMs = Date.now() - sentAt;
    await sleep(Math.max(COMMIT_WINDOW_MS, SETTLE_MS));
    await markNow(page, "end");
    const probe = await readProbe(page);
    // The commit span starts with the task that removed Stop, however long before the stamp.
    const stamp = ended;
    const commitTask = probe.longTasks.find(
      (t) => t.start <= stamp && stamp <= t.start + t.duration,
    );
    const commitFrom = commitTask?.start ?? stamp;
    const streaming = { from, to: commitFrom };
    const commit = { from: commitFrom, to: stamp + COMMIT_WINDOW_MS };
    return {
      streamMs,
      streaming: tasksIn(probe, streaming),
      commit: tasksIn(probe, commit),
      frames: framesIn(probe, { from, to: commit.to }),
      keystrokes: keystrokeLatencies(probe, streaming),
    };
  } finally {
    await context.close();
  }
}
