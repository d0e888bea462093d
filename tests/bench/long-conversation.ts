import type { Browser, Page } from "@playwright/test";
import { markNow, newProbedPage, readProbe, SETTLE_MS, sleep } from "./browser";
import { type HeapFigures, readHeap } from "./heap";
import { stopGoneAt, watchStopButton } from "./long-answer";
import { openProbeScript } from "./page-probe";
import {
  type FrameFigures,
  framesIn,
  keystrokeLatencies,
  type TaskFigures,
  tasksIn,
} from "./timings";

/**
 * A long conversation restored from the saved draft: how long until its end is on screen and the
 * prompt box takes input, does scrolling through it stay smooth, does typing a new message stay
 * instant beside it (also while the next answer streams in), and how much memory does it hold?
 *
 * Opening is measured as the budget words it, a reload: the person had the playground open (the
 * browser holds its scripts) and reloads it. The first visit of a fresh profile, with nothing
 * cached, is measured too (`firstVisitMs`), and reported beside it.
 */
export interface ConversationRun {
  /** First visit, nothing cached: navigation start → the last answer's markdown on screen. */
  firstVisitMs: number;
  /** Navigation start → the last answer on screen with any content. */
  visibleMs: number;
  /** Navigation start → the last answer on screen with its markdown (tables, math) rendered. */
  markdownMs: number;
  /**
   * Navigation start → a keystroke sent as soon as the markdown was there is in the prompt box
   * and painted: the page has opened. Includes the benchmark's own round trip (a few ms).
   */
  openMs: number;
  /** That first keystroke's input to next paint. */
  firstKeyMs: number;
  lcpMs: number;
  /** Navigation start → 2 s after the conversation opened. */
  opening: TaskFigures;
  openingFrames: FrameFigures;
  domNodes: number;
  scroll: TaskFigures;
  scrollFrames: FrameFigures;
  scrolledPx: number;
  scrollMs: number;
  keystrokes: number[];
  typing: TaskFigures;
  typingFrames: FrameFigures;
  /** Typing while the next answer streams in below the 200 turns. */
  streamKeystrokes: number[];
  streaming: TaskFigures;
  streamingFrames: FrameFigures;
  streamMs: number;
  heap: HeapFigures;
}

const OPEN_SETTLE_MS = 2_000;
/** About a screenful (the pane is ~590 px tall) every 50 ms: a fast, steady skim. */
const WHEEL_STEP_PX = 600;
const WHEEL_INTERVAL_MS = 50;
/** About 80 words a minute. */
const TYPE_INTERVAL_MS = 150;
const TYPED = "Summarize all of it.";
/** The answer streamed while typing: about 13 s at the rate, long enough for ~80 keystrokes. */
const STREAMED = "Go on.\n#emulator tokens=4000 rate=300/s";

interface OpenStamps {
  visibleAt: number | null;
  markdownAt: number | null;
}

export async function openLongConversation(
  browser: Browser,
  appUrl: string,
  seed: string,
  pairs: number,
): Promise<ConversationRun> {
  const { context, page } = await newProbedPage(browser, [openProbeScript(pairs)]);
  try {
    // The saved draft is put in place from another page of the app first, as a person's earlier
    // visit left it: seeded by an init script of the measured page, the megabyte would be parsed
    // and stored (~170 ms) before the app even starts, and counted as opening.
    await page.goto(`${appUrl}/api/health`);
    await page.evaluate(seed);
    await page.goto(appUrl, { waitUntil: "commit" });
    await markdownShown(page);
    const firstVisit = await page.evaluate(
      () => (window as unknown as { __benchOpen: OpenStamps }).__benchOpen,
    );
    // Some time with the conversation open, then the reload, from which everything below counts
    // (the probe starts again with the new document).
    await sleep(OPEN_SETTLE_MS);
    await page.reload({ waitUntil: "commit" });
    await markdownShown(page);
    // The probe has put the focus in the prompt box; this key shows whether it takes input.
    await page.keyboard.type("x");
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Prompt"]')?.value === "x",
      undefined,
      { polling: 100, timeout: 30_000 },
    );
    const open = await page.evaluate(
      () => (window as unknown as { __benchOpen: OpenStamps }).__benchOpen,
    );
    const markdownMs = open.markdownAt ?? Number.NaN;
    await sleep(OPEN_SETTLE_MS);
    const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);

    const scrolling = await scrollThrough(page);
    const typing = await typeMessage(page);
    const streaming = await typeWhileStreaming(page);
    await sleep(SETTLE_MS);

    const probe = await readProbe(page);
    const firstKey = { from: markdownMs, to: markdownMs + OPEN_SETTLE_MS };
    const keyAt = probe.keys.find((k) => k >= markdownMs) ?? Number.NaN;
    const firstKeyMs = keystrokeLatencies(probe, firstKey)[0] ?? Number.NaN;
    const openMs = keyAt + firstKeyMs;
    const openingSpan = { from: 0, to: openMs + OPEN_SETTLE_MS };
    return {
      firstVisitMs: firstVisit.markdownAt ?? Number.NaN,
      visibleMs: open.visibleAt ?? Number.NaN,
      markdownMs,
      openMs,
      firstKeyMs,
      // The jump to the top (script, not input) would otherwise let LCP keep counting.
      lcpMs: probe.lcp.filter((e) => e.start < openingSpan.to).at(-1)?.start ?? Number.NaN,
      opening: tasksIn(probe, openingSpan),
      openingFrames: framesIn(probe, openingSpan),
      domNodes,
      scroll: tasksIn(probe, scrolling.span),
      scrollFrames: framesIn(probe, scrolling.span),
      scrolledPx: scrolling.px,
      scrollMs: scrolling.span.to - scrolling.span.from,
      keystrokes: keystrokeLatencies(probe, typing),
      typing: tasksIn(probe, typing),
      typingFrames: framesIn(probe, typing),
      streamKeystrokes: keystrokeLatencies(probe, streaming.span),
      streaming: tasksIn(probe, streaming.span),
      streamingFrames: framesIn(probe, streaming.span),
      streamMs: streaming.ms,
      // After everything: what the tab holds once a person has read, typed and got an answer.
      heap: await markNow(page, "heap").then(() => readHeap(page)),
    };
  } finally {
    await context.close();
  }
}

/** Checked every frame: the keystroke that follows should leave as soon as the markdown is there. */
function markdownShown(page: Page): Promise<unknown> {
  return page.waitForFunction(
    () => (window as unknown as { __benchOpen: OpenStamps }).__benchOpen.markdownAt !== null,
    undefined,
    { polling: "raf", timeout: 60_000 },
  );
}

interface ScrollBox {
  x: number;
  y: number;
}

type BenchWindow = { __benchScroller: Element };

/** The conversation's scroll container: the nearest scrollable ancestor of its section. */
function findScroller(page: Page): Promise<ScrollBox | null> {
  return page.evaluate(() => {
    let el = document.querySelector('section[aria-label="Conversation"]');
    while (
      el &&
      !(el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY))
    ) {
      el = el.parentElement;
    }
    if (!el) return null;
    (window as unknown as BenchWindow).__benchScroller = el;
    const box = el.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
}

const position = (page: Page) =>
  page.evaluate(() => {
    const el = (window as unknown as BenchWindow).__benchScroller;
    return { top: el.scrollTop, max: el.scrollHeight - el.clientHeight };
  });

/** Wheel in steps to the end (1) or the start (-1); checked every few steps, not every one. */
async function wheelToEnd(page: Page, direction: 1 | -1): Promise<number> {
  let last = Number.NaN;
  for (;;) {
    for (let i = 0; i < 5; i++) {
      await page.mouse.wheel(0, direction * WHEEL_STEP_PX);
      await sleep(WHEEL_INTERVAL_MS);
    }
    const { top, max } = await position(page);
    if (direction === 1 ? top >= max - 2 : top <= 1) return max;
    if (top === last) throw new Error(`scrolling stuck at ${top} of ${max} px`);
    last = top;
  }
}

async function scrollThrough(page: Page) {
  const box = await findScroller(page);
  if (!box) throw new Error("found no scrollable container around the conversation");
  // The jump to the top is setup, not measured: the skim starts from a settled page.
  await markNow(page, "jump-to-top");
  await page.evaluate(() => {
    (window as unknown as BenchWindow).__benchScroller.scrollTop = 0;
  });
  await page.mouse.move(box.x, box.y);
  await sleep(1_000);
  const from = await markNow(page, "scrolling");
  const down = await wheelToEnd(page, 1);
  const up = await wheelToEnd(page, -1);
  const to = await markNow(page, "scrolled");
  return { span: { from, to }, px: down + up };
}

async function typeMessage(page: Page) {
  await page.getByRole("textbox", { name: "Prompt" }).click();
  await sleep(SETTLE_MS);
  const from = await markNow(page, "typing");
  for (const char of TYPED) {
    await page.keyboard.type(char);
    await sleep(TYPE_INTERVAL_MS);
  }
  // The draft is saved a moment after the last change: that write belongs to typing too.
  await sleep(SETTLE_MS);
  return { from, to: await markNow(page, "typed") };
}

/**
 * Send a prompt whose answer streams for about 13 s, and type the next one meanwhile: the
 * keystrokes share the main thread with the growing answer and the 200 turns above it.
 */
async function typeWhileStreaming(page: Page) {
  // CSS, not roles: a role query walks the accessibility tree of 200 turns on the main thread.
  const prompt = page.locator('textarea[aria-label="Prompt"]');
  await prompt.fill(STREAMED);
  await sleep(SETTLE_MS);
  const sentAt = Date.now();
  await prompt.press("Control+Enter");
  await watchStopButton(page, page.locator("button", { hasText: /^Stop$/ }));
  const from = await markNow(page, "streaming");
  const deadline = sentAt + 60_000;
  let next = Date.now();
  let ended: number | null = null;
  for (;;) {
    ended = await stopGoneAt(page);
    if (ended !== null) break;
    if (Date.now() > deadline) throw new Error("the streamed answer did not finish in 60 s");
    await page.keyboard.type("y");
    next += TYPE_INTERVAL_MS;
    await sleep(Math.max(0, next - Date.now()));
  }
  const ms = Date.now() - sentAt;
  await sleep(SETTLE_MS);
  return { span: { from, to: ended }, ms };
}
