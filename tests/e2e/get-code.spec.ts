import { expect, type Page, test } from "@playwright/test";
import { chat } from "./support/chat";
import { pngFile } from "./support/media-files";
import { openWithDraft } from "./support/saved-draft";

/** "Get code" as a person uses it: the prompt on screen, as code in the chosen language. */
function getCode(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Get code" });
  return {
    dialog,
    tab: (name: string) => dialog.getByRole("tab", { name, exact: true }),
    code: dialog.getByRole("tabpanel"),
    stream: dialog.getByRole("switch", { name: "Stream the answer" }),
  };
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test("the prompt on screen becomes code in each language, with its file as a local path and never the key", async ({
  page,
}) => {
  const ui = chat(page);
  await ui.systemInstructions.fill("Answer like a lighthouse keeper.");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach files" }).click();
  await (await chooser).setFiles([pngFile("harbour.png", 8, 8, 2)]);
  await ui.prompt.fill("What is in this picture?");

  await page.keyboard.press("Control+Shift+C");
  const code = getCode(page);
  await expect(code.dialog).toBeVisible();
  await expect(code.tab("Python")).toHaveAttribute("aria-selected", "true");
  await expect(code.code).toContainText("from google import genai");
  await code.tab("JavaScript").click();
  await expect(code.code).toContainText("generateContentStream");
  await expect(code.code).toContainText("Answer like a lighthouse keeper.");
  await expect(code.code).toContainText("What is in this picture?");
  await expect(code.code).toContainText('"harbour.png"');
  await expect(code.code).not.toContainText("/api/media/");

  // The file's path is the person's to choose.
  await code.dialog
    .getByRole("textbox", { name: "File path for harbour.png" })
    .fill("img/boat.png");
  await expect(code.code).toContainText('"img/boat.png"');

  await code.tab("REST").click();
  await expect(code.code).toContainText("curl");
  await expect(code.code).toContainText(":streamGenerateContent?alt=sse");
  await expect(code.code).toContainText("x-goog-api-key: $GEMINI_API_KEY");
  await code.stream.click();
  await expect(code.code).toContainText(":generateContent");
  await expect(code.code).not.toContainText("streamGenerateContent");

  const download = page.waitForEvent("download");
  await code.dialog.getByRole("button", { name: "Download" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.sh$/);

  // The streaming switch is off now: each SDK's one-shot call, the chosen path and the key's name.
  for (const [tab, call, path, extension] of [
    ["Go", "client.Models.GenerateContent(", '"img/boat.png"', "go"],
    ["Java", "client.models.generateContent(", '"img/boat.png"', "java"],
    ["C#", "client.Models.GenerateContentAsync(", '"img/boat.png"', "cs"],
  ] as const) {
    await code.tab(tab).click();
    await expect(code.code).toContainText(call);
    await expect(code.code).toContainText(path);
    await expect(code.code).toContainText("Answer like a lighthouse keeper.");
    await expect(code.code).toContainText("GEMINI_API_KEY");
    const file = page.waitForEvent("download");
    await code.dialog.getByRole("button", { name: "Download" }).click();
    expect((await file).suggestedFilename()).toMatch(new RegExp(`\\.${extension}$`));
  }

  await code.tab("OpenAI (JavaScript)").click();
  await expect(code.code).toContainText("generativelanguage.googleapis.com/v1beta/openai/");
  await code.tab("Interactions").click();
  await expect(code.code).toContainText("interactions.create");

  await code.tab("Apps Script").click();
  await expect(code.code).toContainText("UrlFetchApp.fetch");
  await expect(code.code).toContainText("PropertiesService.getScriptProperties()");
  const everything = await code.dialog.textContent();
  expect(everything).not.toMatch(/AIza[0-9A-Za-z_-]{20,}/);

  await code.dialog.getByRole("button", { name: "Done" }).click();
  await expect(code.dialog).toBeHidden();
  // Getting code sends nothing and changes nothing.
  await expect(ui.prompt).toHaveValue("What is in this picture?");
  await expect(ui.answers).toHaveCount(0);
});

test("each compare column's code is that column's own request", async ({ page }) => {
  await page.goto("/compare");
  const column = (n: number) => page.getByRole("region", { name: `Column ${n}`, exact: true });
  await column(2).getByRole("combobox", { name: "Model" }).selectOption("gemini-2.5-pro");
  await column(2).getByRole("button", { name: "Get code" }).click();
  const code = getCode(page);
  await expect(code.code).toContainText('"gemini-2.5-pro"');
  await code.dialog.getByRole("button", { name: "Done" }).click();
  await column(1).getByRole("button", { name: "Get code" }).click();
  await expect(code.code).not.toContainText('"gemini-2.5-pro"');
});

test("a prompt run through OpenAI compatibility opens on that door's code", async ({ page }) => {
  await openWithDraft(page, { config: { api: "openai" } });
  await page.getByRole("button", { name: "Get code" }).click();
  const code = getCode(page);
  await expect(code.tab("OpenAI (Python)")).toHaveAttribute("aria-selected", "true");
  await expect(code.code).toContainText("from openai import OpenAI");
});
