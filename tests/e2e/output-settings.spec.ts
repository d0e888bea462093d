import { expect, type Page, test } from "@playwright/test";
import { chat } from "./support/chat";
import { pngFile } from "./support/media-files";
import { uniqueMarker, waitForEmulatorEnd } from "./support/servers";

/**
 * The output settings of image, speech and Imagen models, driven as a person would. What a run
 * sends is read twice: the prompt document the browser posted to /api/run, and the emulator's log
 * of the upstream call (the emulator refuses a speech request that doesn't ask for AUDIO or names
 * an unknown voice, as Gemini does). The pictures and speech themselves are other specs' business.
 */
function panel(page: Page) {
  const ui = chat(page);
  const labelled = (name: string) => page.getByLabel(name, { exact: true });
  return {
    ui,
    output: labelled("Output"),
    aspectRatio: labelled("Aspect ratio"),
    numberOfImages: labelled("Number of images"),
    speakerMode: labelled("Speaker mode"),
    voice: labelled("Voice"),
    speakerName: (n: number) => labelled(`Speaker ${n} name`),
    speakerVoice: (n: number) => labelled(`Speaker ${n} voice`),
    notice: page.getByRole("status").filter({ hasText: /Dropped for|Adjusted:/ }),
    async pickModel(id: string) {
      await expect(ui.model.locator(`option[value="${id}"]`)).toBeAttached();
      await ui.model.selectOption(id);
    },
    /** Runs `text` and returns the run settings of the document the browser sent. */
    async run(text: string): Promise<Record<string, unknown>> {
      const posted = page.waitForRequest(
        (r) => r.method() === "POST" && new URL(r.url()).pathname === "/api/run",
      );
      await ui.send(text);
      const doc = (await posted).postDataJSON() as { model: string; config: object };
      return { model: doc.model, ...doc.config };
    },
  };
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test("an image model offers output and aspect ratio, and a run sends them", async ({ page }) => {
  const s = panel(page);
  await s.pickModel("gemini-2.5-flash-image");
  await expect(s.output).toHaveValue("");
  await expect(s.output.locator("option:checked")).toHaveText("Images and text");
  await expect(s.aspectRatio.locator("option:checked")).toHaveText("Auto");
  await expect(s.aspectRatio.locator("option")).toHaveText([
    "Auto",
    "1:1",
    "2:3",
    "3:2",
    "3:4",
    "4:3",
    "4:5",
    "5:4",
    "9:16",
    "16:9",
    "21:9",
  ]);
  await expect(s.numberOfImages).toHaveCount(0);
  await expect(s.speakerMode).toHaveCount(0);
  await expect(s.ui.temperature).toBeEnabled();

  await s.output.selectOption({ label: "Images only" });
  await s.aspectRatio.selectOption("16:9");
  const marker = uniqueMarker("image-settings");
  const sent = await s.run(`Draw a lighthouse ${marker}`);
  expect(sent).toMatchObject({
    model: "gemini-2.5-flash-image",
    responseModalities: ["IMAGE"],
    imageAspectRatio: "16:9",
  });
  const upstream = await waitForEmulatorEnd(marker, 15_000);
  expect(upstream).toMatchObject({ model: "gemini-2.5-flash-image", status: 200 });
  await s.ui.waitUntilIdle();

  // Imagen can't draw 21:9: switching drops it and says so.
  await s.aspectRatio.selectOption("21:9");
  await s.pickModel("imagen-4.0-generate-001");
  await expect(s.notice).toContainText("Dropped for Imagen 4: Output, Aspect ratio.");
  await expect(s.aspectRatio).toHaveValue("");
});

test("a speech model offers one voice or two named speakers, and a run sends them", async ({
  page,
}) => {
  const s = panel(page);
  await s.pickModel("gemini-2.5-flash-preview-tts");
  // Speech models answer only with audio: no output choice, no thinking, no tools.
  await expect(s.output).toHaveCount(0);
  await expect(s.aspectRatio).toHaveCount(0);
  await expect(page.getByLabel("Thinking budget")).toHaveCount(0);
  await expect(page.getByRole("switch", { name: "Code execution" })).toBeDisabled();
  await expect(s.speakerMode.locator("option:checked")).toHaveText("Single speaker");
  await expect(s.voice.locator("option:checked")).toHaveText("Default");
  await expect(s.voice.locator("option", { hasText: "Kore — Firm" })).toHaveCount(1);
  await expect(s.voice.locator("option")).toHaveCount(31);
  await s.voice.selectOption({ label: "Kore — Firm" });

  const single = uniqueMarker("one-voice");
  const sentSingle = await s.run(`Say cheerfully: have a wonderful day ${single}`);
  expect(sentSingle).toMatchObject({ speech: { voices: [{ voice: "Kore" }] } });
  expect(sentSingle).not.toHaveProperty("responseModalities");
  expect(await waitForEmulatorEnd(single, 15_000)).toMatchObject({
    model: "gemini-2.5-flash-preview-tts",
    status: 200,
  });
  await s.ui.waitUntilIdle();

  await s.speakerMode.selectOption({ label: "Two speakers" });
  await expect(s.voice).toHaveCount(0);
  await expect(s.speakerName(1)).toHaveValue("");
  await expect(s.speakerName(1)).toHaveAttribute("placeholder", "Speaker 1");
  await expect(s.speakerName(2)).toHaveAttribute("placeholder", "Speaker 2");
  // Speaker 1 keeps the single voice.
  await expect(s.speakerVoice(1)).toHaveValue("Kore");
  await expect(s.speakerVoice(2)).toHaveValue("Puck");
  await s.speakerName(1).fill("Joe");
  await s.speakerName(2).fill("Joe");
  await expect(page.getByText("The two speakers need different names.")).toBeVisible();
  await s.speakerName(2).fill("Jane");
  await s.speakerVoice(2).selectOption({ label: "Charon — Informative" });
  // A script line that names neither speaker is caught before the run.
  await s.ui.prompt.fill("Joe: Hi Jane!\nJan: Hello Joe!");
  await expect(page.getByText('No line of the script starts with "Jane:"')).toBeVisible();
  await s.ui.prompt.fill("Joe: Hi Jane!\nJane: Hello Joe!");
  await expect(page.getByText("No line of the script starts with")).toHaveCount(0);

  // Speech models take text only: the first answer's audio must not go back as history.
  await page.getByRole("button", { name: "Clear chat" }).click();
  const pair = uniqueMarker("two-voices");
  const sentPair = await s.run(`Joe: Hi Jane, ${pair}\nJane: Hello Joe!`);
  expect(sentPair).toMatchObject({
    speech: {
      voices: [
        { speaker: "Joe", voice: "Kore" },
        { speaker: "Jane", voice: "Charon" },
      ],
    },
  });
  expect(await waitForEmulatorEnd(pair, 15_000)).toMatchObject({
    model: "gemini-2.5-flash-preview-tts",
    status: 200,
  });
  await s.ui.waitUntilIdle();

  await s.pickModel("gemini-2.5-flash");
  await expect(s.notice).toContainText("Dropped for Gemini 2.5 Flash: Speaker voices.");
  await expect(s.speakerMode).toHaveCount(0);
});

test("Imagen offers only a picture count and its five ratios, and a run sends them", async ({
  page,
}) => {
  const s = panel(page);
  await s.pickModel("imagen-4.0-generate-001");
  await expect(s.numberOfImages).toHaveAttribute("placeholder", "4");
  await expect(s.aspectRatio.locator("option")).toHaveText([
    "Default (1:1)",
    "1:1",
    "3:4",
    "4:3",
    "9:16",
    "16:9",
  ]);
  await expect(s.output).toHaveCount(0);
  await expect(s.speakerMode).toHaveCount(0);
  // Nothing else applies to generateImages.
  for (const name of ["Temperature", "Max output tokens", "Top P", "Seed"]) {
    await expect(page.getByLabel(name, { exact: true })).toBeDisabled();
  }
  await expect(page.getByRole("button", { name: "Edit safety settings" })).toBeDisabled();
  await expect(page.getByRole("switch", { name: "Show thoughts" })).toBeDisabled();
  await expect(page.getByText("Imagen 4 can't use tools.")).toBeVisible();

  await s.numberOfImages.fill("2");
  await s.aspectRatio.selectOption("9:16");
  const sent = await s.run(`A watercolour fox ${uniqueMarker("imagen")}`);
  expect(sent).toEqual(
    expect.objectContaining({
      model: "imagen-4.0-generate-001",
      numberOfImages: 2,
      imageAspectRatio: "9:16",
    }),
  );
  expect(Object.keys(sent).sort()).toEqual(["imageAspectRatio", "model", "numberOfImages"]);
  await s.ui.waitUntilIdle();
  // Several pictures sit side by side, a gallery, not one per row.
  const pictures = s.ui.lastAnswer.getByRole("figure");
  await expect(pictures).toHaveCount(2);
  const [first, second] = [
    await pictures.nth(0).boundingBox(),
    await pictures.nth(1).boundingBox(),
  ];
  expect(second?.y).toBe(first?.y);
  expect(second?.x ?? 0).toBeGreaterThan((first?.x ?? 0) + (first?.width ?? 0) - 1);

  // A file for Imagen would be dropped without a word: the run is refused, saying why.
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach files" }).click();
  const png = pngFile("sketch.png", 8, 8);
  await (await chooser).setFiles([{ name: png.name, mimeType: png.mimeType, buffer: png.buffer }]);
  await expect(page.getByRole("list", { name: "Attachments" })).toContainText("sketch.png");
  await s.ui.send("Colour this sketch");
  await expect(s.ui.alert).toContainText(
    "Imagen makes pictures from a text prompt only, so it can't use the attached file.",
  );

  // Imagen 4 Ultra draws one picture a run.
  await s.pickModel("imagen-4.0-ultra-generate-001");
  await expect(s.notice).toContainText("Adjusted: Number of images to 1.");
  await expect(s.numberOfImages).toBeDisabled();
  await expect(page.getByText("Imagen 4 Ultra makes one image per run")).toBeVisible();
  await expect(s.aspectRatio).toHaveValue("9:16");
});
