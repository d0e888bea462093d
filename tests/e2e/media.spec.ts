import { expect, type Page, test } from "@playwright/test";
import { chat } from "./support/chat";
import { hash12, pngFile, type TestFile, wavFile } from "./support/media-files";
import { MEDIA_LIMITS } from "./support/ports";
import { emulatorRequests } from "./support/servers";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

const attachButton = (page: Page) => page.getByRole("button", { name: "Attach files" });
const tray = (page: Page) => page.getByRole("list", { name: "Attachments" });

/** Attach through the page's real file input, as the picker would. */
async function pick(page: Page, ...files: TestFile[]) {
  const chooser = page.waitForEvent("filechooser");
  await attachButton(page).click();
  await (await chooser).setFiles(
    files.map((f) => ({ name: f.name, mimeType: f.mimeType, buffer: f.buffer })),
  );
}

/** Dispatch a paste or drop carrying a file, the way the browser does for real ones. */
async function transfer(page: Page, kind: "paste" | "drop", target: string, f: TestFile) {
  await page.evaluate(
    ({ kind, target, name, mimeType, bytes }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
      const element = document.querySelector(target);
      if (!element) throw new Error(`no ${target}`);
      if (kind === "paste") {
        element.dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
        );
      } else {
        element.dispatchEvent(
          new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }),
        );
        element.dispatchEvent(
          new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      }
    },
    { kind, target, name: f.name, mimeType: f.mimeType, bytes: [...f.buffer] },
  );
}

test("an image attached with the picker reaches Gemini byte for byte", async ({ page }) => {
  const ui = chat(page);
  const image = pngFile("chart.png", 64, 48, 3);
  await pick(page, image);
  await expect(tray(page).getByRole("img", { name: "chart.png" })).toBeVisible();
  await ui.prompt.fill("What is in this picture?");
  await ui.run.click();
  await ui.waitUntilIdle();

  await expect(ui.lastAnswer).toContainText(
    `Media 1: image/png, ${image.buffer.length} bytes, sha256 ${image.hash12}, 64×48 px`,
  );
  // The file moved from the tray into the user's turn, where it opens full size.
  await expect(tray(page)).toBeHidden();
  const turn = page.getByRole("article", { name: "User turn" }).last();
  await turn.getByRole("button", { name: "Enlarge chart.png" }).click();
  const viewer = page.getByRole("dialog", { name: "chart.png" });
  await expect(viewer.getByRole("img", { name: "chart.png" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(viewer).toBeHidden();
});

test("a pasted image and a dropped WAV arrive intact, with the audio's duration", async ({
  page,
}) => {
  const ui = chat(page);
  const image = pngFile("pasted.png", 20, 10, 9);
  const audio = wavFile("tone.wav", 1.5);
  await ui.prompt.fill("Describe both");
  await transfer(page, "paste", "textarea[aria-label=Prompt]", image);
  await transfer(page, "drop", "form", audio);
  await expect(tray(page).getByRole("listitem")).toHaveCount(2);
  await expect(ui.prompt).toHaveValue("Describe both");
  await ui.run.click();
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer).toContainText(
    `image/png, ${image.buffer.length} bytes, sha256 ${image.hash12}, 20×10 px`,
  );
  await expect(ui.lastAnswer).toContainText(
    `audio/wav, ${audio.buffer.length} bytes, sha256 ${audio.hash12}, 1.50 s`,
  );
});

test("attached audio shows its length before it is played, and a sound-only WebM is no empty video", async ({
  page,
}) => {
  const ui = chat(page);
  // A browser recording, as MediaRecorder writes it: WebM with Opus sound and no picture.
  const recorded = await page.evaluate(async () => {
    const context = new AudioContext();
    const tone = context.createOscillator();
    const sink = context.createMediaStreamDestination();
    tone.connect(sink);
    tone.start();
    const recorder = new MediaRecorder(sink.stream, { mimeType: "audio/webm;codecs=opus" });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((resolve) => recorder.addEventListener("stop", resolve));
    recorder.start();
    await new Promise((resolve) => setTimeout(resolve, 2300));
    recorder.stop();
    await stopped;
    return [...new Uint8Array(await new Blob(chunks).arrayBuffer())];
  });
  const webm: TestFile = {
    name: "memo.webm",
    mimeType: "audio/webm",
    buffer: Buffer.from(recorded),
    hash12: hash12(Buffer.from(recorded)),
  };
  await pick(page, wavFile("tone.wav", 3), webm);
  await ui.send("Transcribe both");
  await ui.waitUntilIdle();

  const turn = page.getByRole("article", { name: "User turn 1" });
  const wav = turn.getByRole("figure", { name: /^tone\.wav/ });
  await expect(wav.locator("figcaption")).toContainText("tone.wav· 0:03");
  await expect(wav.locator("audio")).toHaveJSProperty("paused", true);

  const memo = turn.getByRole("figure", { name: /^memo\.webm/ });
  await expect(memo.locator("figcaption")).toContainText("memo.webm· 0:02");
  const player = memo.locator("video");
  await expect(player).toHaveAttribute("data-sound-only", "true");
  expect((await player.boundingBox())?.height).toBeLessThan(80);
});

test("an attachment can be removed before Run", async ({ page }) => {
  const ui = chat(page);
  await pick(page, pngFile("keep.png", 8, 8, 1), pngFile("drop.png", 8, 8, 2));
  await expect(tray(page).getByRole("listitem")).toHaveCount(2);
  await tray(page).getByRole("button", { name: "Remove drop.png" }).click();
  await expect(tray(page).getByRole("listitem")).toHaveCount(1);
  await ui.prompt.fill("One picture");
  await ui.run.click();
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer).toContainText("Media 1: image/png");
  await expect(ui.lastAnswer).not.toContainText("Media 2:");
});

test("a file above the inline limit goes through the Files API", async ({ page }) => {
  const ui = chat(page);
  const big = wavFile("lecture.wav", (MEDIA_LIMITS.inlineBytes * 1.5) / 32_000);
  expect(big.buffer.length).toBeGreaterThan(MEDIA_LIMITS.inlineBytes);
  await pick(page, big);
  await expect(tray(page).getByText("lecture.wav")).toBeVisible();
  await ui.prompt.fill("Summarise the lecture");
  await ui.run.click();
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer).toContainText(
    new RegExp(
      `audio/wav, ${big.buffer.length} bytes, sha256 ${big.hash12}, [\\d.]+ s, file files/[a-z0-9]+`,
    ),
  );
  const uploads = (await emulatorRequests()).filter((r) => r.path.includes("/upload/"));
  expect(uploads.length).toBeGreaterThan(0);

  // A second run reuses the uploaded file instead of sending it again.
  const before = (await emulatorRequests()).filter((r) => r.path.includes("/upload/")).length;
  await ui.send("And again");
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer).toContainText("Turns: 3");
  const after = (await emulatorRequests()).filter((r) => r.path.includes("/upload/")).length;
  expect(after).toBe(before);
});

test("unsupported, oversized and corrupt files are refused with reasons, and nothing else is lost", async ({
  page,
}) => {
  const ui = chat(page);
  await ui.prompt.fill("Keep this text");
  const good = pngFile("fine.png", 4, 4, 5);
  const bmp: TestFile = {
    name: "old.bmp",
    mimeType: "image/bmp",
    buffer: Buffer.from("BM fake"),
    hash12: "",
  };
  const huge: TestFile = {
    name: "huge.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(MEDIA_LIMITS.maxBytes + 10)]),
    hash12: "",
  };
  const broken: TestFile = {
    name: "broken.png",
    mimeType: "image/png",
    buffer: Buffer.from("not really a png"),
    hash12: "",
  };
  await pick(page, good, bmp, huge, broken);

  const alerts = tray(page).getByRole("alert");
  await expect(alerts.filter({ hasText: "old.bmp can't be attached" })).toContainText(
    "not a file type Gemini accepts",
  );
  await expect(alerts.filter({ hasText: "huge.pdf" })).toContainText(
    "larger than this server accepts (4 MB)",
  );
  await expect(alerts.filter({ hasText: "broken.png" })).toContainText("not a PNG image");
  await expect(tray(page).getByRole("img", { name: "fine.png" })).toBeVisible();
  await expect(ui.prompt).toHaveValue("Keep this text");

  // Refusals don't hold up Run; dismissing them leaves the good file.
  await tray(page).getByRole("button", { name: "Dismiss broken.png" }).click();
  await expect(alerts).toHaveCount(2);
  await ui.run.click();
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer).toContainText(`sha256 ${good.hash12}, 4×4 px`);
  await expect(alerts).toHaveCount(0);
});

test("an image model's picture shows inline, downloads, and feeds the next turn", async ({
  page,
}) => {
  const ui = chat(page);
  await ui.model.selectOption("gemini-2.5-flash-image");
  await ui.send("Draw a lighthouse at dusk");
  await ui.waitUntilIdle();

  const picture = ui.lastAnswer.getByRole("img");
  await expect(picture).toBeVisible();
  const size = await picture.evaluate((img: HTMLImageElement) => [
    img.naturalWidth,
    img.naturalHeight,
  ]);
  expect(size).toEqual([1024, 1024]);

  const download = page.waitForEvent("download");
  await ui.lastAnswer.getByRole("link", { name: /Download/ }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/\.png$/);
  const bytes = await streamToBuffer(await saved.createReadStream());
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");

  await ui.lastAnswer.getByRole("button", { name: "Use as input" }).click();
  await expect(tray(page).getByRole("listitem")).toHaveCount(1);
  await ui.model.selectOption("gemini-2.5-flash");
  await ui.send("What is in this image?");
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer).toContainText(`sha256 ${hash12(bytes)}, 1024×1024 px`);
});

test("a speech model's answer plays as a WAV with a duration", async ({ page }) => {
  const ui = chat(page);
  await ui.model.selectOption("gemini-2.5-flash-preview-tts");
  await ui.send("Say cheerfully: have a wonderful day, everyone in the team!");
  await ui.waitUntilIdle();
  // The streamed pieces of speech become one recording.
  const player = ui.lastAnswer.locator("audio");
  await expect(player).toHaveCount(1);
  const duration = await player.evaluate(
    (audio: HTMLAudioElement) =>
      new Promise<number>((resolve) => {
        if (audio.readyState >= 1) resolve(audio.duration);
        else
          audio.addEventListener("loadedmetadata", () => resolve(audio.duration), { once: true });
      }),
  );
  expect(duration).toBeGreaterThan(1);
  await expect(ui.lastAnswer.getByRole("link", { name: /Download/ })).toHaveAttribute(
    "download",
    /\.wav$/,
  );
});

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

test("an Imagen model makes the asked number of pictures in the asked shape", async ({ page }) => {
  const ui = chat(page);
  await ui.model.selectOption("imagen-4.0-fast-generate-001");
  await page.getByLabel("Number of images").fill("2");
  await page.getByLabel("Aspect ratio").selectOption("16:9");
  await ui.send("A red bicycle leaning on a wall");
  await ui.waitUntilIdle();
  const pictures = ui.lastAnswer.getByRole("img");
  await expect(pictures).toHaveCount(2);
  for (const picture of await pictures.all()) {
    const ratio = await picture.evaluate((img: HTMLImageElement) =>
      img.complete
        ? img.naturalWidth / img.naturalHeight
        : new Promise<number>((resolve) =>
            img.addEventListener("load", () => resolve(img.naturalWidth / img.naturalHeight)),
          ),
    );
    // Imagen's own 16:9 size is 1408×768, a little wider than the exact ratio.
    expect(Math.abs(ratio - 16 / 9)).toBeLessThan(0.1);
  }
});
