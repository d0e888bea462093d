import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "@playwright/test";
import { markNow, newProbedPage, readProbe, sleep } from "./browser";
import type { BenchOutput } from "./browser-benches";
import { sampleRss } from "./rss";
import { median } from "./stats";
import { tasksIn } from "./timings";

/**
 * Attach a 20 MB video: does the page stay responsive while it uploads (longest main-thread
 * task), and how much memory does the server take for it (peak resident set above the idle
 * server's, sampled every 5 ms from /proc), both receiving it and sending it on to the Files API
 * when the prompt runs? Budget: no task over 100 ms, under 3× the file.
 */
const FILE_BYTES = 20 * 1024 * 1024;

export interface UploadRun {
  uploadMs: number;
  longestTaskMs: number;
  peakExtraRssBytes: number;
  /** The run that sends it on: uploaded to the Files API, then answered. */
  runMs: number;
  runPeakExtraRssBytes: number;
}

function videoFile(): string {
  // An MP4 signature, then incompressible bytes: nothing along the way can shrink the work.
  const path = join(tmpdir(), `bench-upload-${process.pid}-${Date.now()}.mp4`);
  const header = Buffer.from([0, 0, 0, 0x18, ...Buffer.from("ftypisom")]);
  writeFileSync(path, Buffer.concat([header, randomBytes(FILE_BYTES - header.length)]));
  return path;
}

async function uploadOnce(browser: Browser, appUrl: string, serverPid: number): Promise<UploadRun> {
  const path = videoFile();
  const { context, page } = await newProbedPage(browser);
  try {
    await page.goto(appUrl);
    await page.getByRole("button", { name: "Attach files" }).waitFor();
    await sleep(500);
    const upload = sampleRss(serverPid);

    const start = await markNow(page, "upload-start");
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Attach files" }).click();
    await (await chooser).setFiles(path);
    await page
      .getByRole("list", { name: "Attachments" })
      .getByText("20 MB")
      .waitFor({ timeout: 60_000 });
    const end = await markNow(page, "upload-end");
    const peakExtraRssBytes = await upload.stop();
    const probe = await readProbe(page);

    const run = sampleRss(serverPid);
    const runStart = Date.now();
    await page.getByRole("textbox", { name: "Prompt" }).fill("What happens in this video?");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page
      .getByRole("article", { name: "Model turn" })
      .getByText(/file files\//)
      .waitFor({ timeout: 60_000 });
    return {
      uploadMs: end - start,
      longestTaskMs: tasksIn(probe, { from: start, to: end }).longest,
      peakExtraRssBytes,
      runMs: Date.now() - runStart,
      runPeakExtraRssBytes: await run.stop(),
    };
  } finally {
    await context.close();
    rmSync(path, { force: true });
  }
}

export async function benchMediaUpload(
  browser: Browser,
  appUrl: string,
  serverPid: number,
  runs: number,
): Promise<BenchOutput> {
  const results: UploadRun[] = [];
  for (let i = 1; i <= runs; i++) {
    const run = await uploadOnce(browser, appUrl, serverPid);
    console.info(
      `media run ${i}/${runs}: upload ${run.uploadMs.toFixed(0)} ms, longest task ${run.longestTaskMs.toFixed(0)} ms, server +${(run.peakExtraRssBytes / 1024 / 1024).toFixed(1)} MB; run via Files API ${run.runMs} ms, server +${(run.runPeakExtraRssBytes / 1024 / 1024).toFixed(1)} MB`,
    );
    results.push(run);
  }
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  const worstTask = Math.max(...results.map((r) => r.longestTaskMs));
  const worstRss = Math.max(...results.map((r) => r.peakExtraRssBytes));
  const worstRunRss = Math.max(...results.map((r) => r.runPeakExtraRssBytes));
  return {
    lines: [
      "",
      "## Attaching a 20 MB file",
      "",
      `- upload time, median of ${runs}: ${median(results.map((r) => r.uploadMs)).toFixed(0)} ms`,
      `- longest main-thread task during the upload, worst run: ${worstTask.toFixed(0)} ms (budget < 100 ms; 0 = none over 50 ms)`,
      `- server memory above idle while receiving it, worst run: ${mb(worstRss)} = ${(worstRss / FILE_BYTES).toFixed(2)}× the file (budget < 3×)`,
      `- running the prompt (the server uploads it to the Files API, waits for ACTIVE, then streams the answer): median ${median(results.map((r) => r.runMs)).toFixed(0)} ms; server memory above idle, worst run: ${mb(worstRunRss)} = ${(worstRunRss / FILE_BYTES).toFixed(2)}×`,
    ],
    results: { media_upload: results },
  };
}
