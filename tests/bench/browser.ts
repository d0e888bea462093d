import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { PROBE_SCRIPT, type Probe } from "./page-probe";

/** Debian's Chromium: Playwright downloads no browser here (see TOOLCHAIN.md). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

export interface ProbedPage {
  context: BrowserContext;
  page: Page;
}

/**
 * A fresh context (empty localStorage, cold HTTP cache) whose pages carry the probe. Extra init
 * scripts run first, so seeded storage is in place before the app's own scripts read it.
 */
export async function newProbedPage(browser: Browser, before: string[] = []): Promise<ProbedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  for (const script of before) await context.addInitScript(script);
  await context.addInitScript(PROBE_SCRIPT);
  const page = await context.newPage();
  return { context, page };
}

export async function readProbe(page: Page): Promise<Probe> {
  const probe = await page.evaluate(
    () => (window as unknown as { __benchProbe?: Probe }).__benchProbe,
  );
  if (!probe) throw new Error("the page has no probe: was it created with newProbedPage?");
  if (probe.missing.length > 0) {
    throw new Error(`this Chromium lacks performance entry types: ${probe.missing.join(", ")}`);
  }
  return probe;
}

/**
 * The page's clock (ms since navigation start), which all probe entries use, read as a
 * `bench:<label>` mark: a traced run (BENCH_TRACE=1) is split into phases at these marks.
 */
export const markNow = (page: Page, label: string): Promise<number> =>
  page.evaluate((name) => {
    performance.mark(`bench:${name}`);
    return performance.now();
  }, label);

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Event Timing entries are queued after the paint they measure; give them time to land. */
export const SETTLE_MS = 500;
