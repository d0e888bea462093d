import { expect, test } from "@playwright/test";
import { chat } from "./support/chat";
import { speechWavPath } from "./support/media-files";

/**
 * Chromium's fake microphone plays a sentence spoken by espeak-ng: the recording is real
 * capture, encoded to WAV in the page, uploaded, and described by the emulator.
 */
const speech = speechWavPath("The quarterly report is ready for review by the whole team.");

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--disable-background-networking",
      "--no-first-run",
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-audio-capture=${speech}`,
    ],
  },
});

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test("a microphone recording is metered, previewed, attached and reaches Gemini as WAV", async ({
  page,
}) => {
  const ui = chat(page);
  await page.getByRole("button", { name: "Record audio" }).click();
  const stop = page.getByRole("button", { name: "Stop recording" });
  await expect(stop).toBeVisible();
  const meter = page.getByRole("meter", { name: "Microphone level" });
  await expect
    .poll(async () => Number(await meter.getAttribute("aria-valuenow")), { timeout: 5_000 })
    .toBeGreaterThan(0);
  await expect(page.getByRole("timer")).toHaveText(/^0:0[2-9]$/, { timeout: 5_000 });
  await stop.click();

  const preview = page.getByLabel("Recording preview");
  await expect(preview).toBeVisible();
  const seconds = await preview.evaluate(
    (audio: HTMLAudioElement) =>
      new Promise<number>((resolve) => {
        if (audio.readyState >= 1) resolve(audio.duration);
        else
          audio.addEventListener("loadedmetadata", () => resolve(audio.duration), { once: true });
      }),
  );
  expect(seconds).toBeGreaterThan(1.5);
  await page.getByRole("button", { name: "Attach recording" }).click();

  const tray = page.getByRole("list", { name: "Attachments" });
  await expect(tray.getByText(/^recording-.*\.wav$/)).toBeVisible();
  await ui.prompt.fill("Transcribe this");
  await ui.run.click();
  await ui.waitUntilIdle();
  // 16 kHz mono 16-bit: the emulator reads the WAV header and reports a duration near the preview's.
  const described = (await ui.lastAnswer.textContent()) ?? "";
  const match = /Media 1: audio\/wav, (\d+) bytes, sha256 [0-9a-f]{12}, ([\d.]+) s/.exec(described);
  expect(match).not.toBeNull();
  expect(Number(match?.[1])).toBe(44 + Math.round(Number(match?.[2]) * 16_000) * 2);
  expect(Math.abs(Number(match?.[2]) - seconds)).toBeLessThan(0.05);
});

test("a denied microphone says how to allow it", async ({ page }) => {
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
  });
  await page.reload();
  await page.getByRole("button", { name: "Record audio" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    /Microphone access was blocked\. Allow the microphone for this site/,
  );
  await expect(page.getByRole("button", { name: "Record audio" })).toBeVisible();
});

test("no microphone suggests attaching a file instead", async ({ page }) => {
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException("Requested device not found", "NotFoundError"));
  });
  await page.reload();
  await page.getByRole("button", { name: "Record audio" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    /No microphone was found\. Connect one, or attach an audio file instead\./,
  );
});
