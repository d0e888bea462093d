import type { Page } from "@playwright/test";

/** The tab's JavaScript heap, read over the DevTools protocol (no special browser flags). */
export interface HeapFigures {
  /** Used heap as the page left it: live objects and garbage not yet collected. */
  usedBytes: number;
  /** Used heap after a full garbage collection: what the page really holds on to. */
  liveBytes: number;
}

export async function readHeap(page: Page): Promise<HeapFigures> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const usage = () =>
      cdp.send("Runtime.getHeapUsage") as Promise<{ usedSize: number; totalSize: number }>;
    const before = await usage();
    await cdp.send("HeapProfiler.collectGarbage");
    const after = await usage();
    return { usedBytes: before.usedSize, liveBytes: after.usedSize };
  } finally {
    await cdp.detach();
  }
}

export const fmtMb = (bytes: number) =>
  Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : "n/a";
