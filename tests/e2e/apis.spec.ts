import { expect, type Page, test } from "@playwright/test";
import { chat } from "./support/chat";
import { pngFile } from "./support/media-files";
import { openWithDraft } from "./support/saved-draft";
import { emulatorRequests, uniqueMarker } from "./support/servers";

/**
 * One prompt through each of Google's doors, chosen in the run settings: the answer takes the
 * same shape in the page, and the emulator's log shows each door's own request.
 */
const WEATHER = {
  name: "get_weather",
  description: "Current weather for a city",
  parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};

const apiBox = (page: Page) => page.getByRole("combobox", { name: "API" });

async function attach(page: Page, name: string) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach files" }).click();
  await (await chooser).setFiles([pngFile(name, 24, 16, 5)]);
  await expect(
    page.getByRole("list", { name: "Attachments" }).getByRole("img", { name }),
  ).toBeVisible();
}

/** Asks about the weather with a picture, answers the call, and reads what came back. */
async function weatherRound(page: Page, marker: string) {
  const ui = chat(page);
  await attach(page, `${marker}.png`);
  await ui.send(`What's the weather in Oslo? ${marker}`);
  await ui.waitUntilIdle();
  const call = ui.lastAnswer.getByRole("group", { name: "Function call get_weather" });
  await expect(call).toContainText('"city"');
  const form = page.getByRole("form", { name: "Function responses" });
  await form.getByRole("textbox", { name: "Response to get_weather" }).fill('{"celsius": 4}');
  await form.getByRole("button", { name: "Send responses" }).click();
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer).toContainText(
    'Function response: get_weather returned {"celsius":4}',
  );
  return ui.lastAnswer;
}

/** The requests that reached the emulator for this marker, oldest first. */
async function requestsFor(marker: string) {
  return (await emulatorRequests()).filter(
    (r) => r.promptExcerpt?.includes(marker) && !r.path.endsWith(":countTokens"),
  );
}

test("a function and an image take the same shape through the Gemini API and OpenAI compatibility", async ({
  page,
}) => {
  await openWithDraft(page, {
    model: "gemini-3-flash-preview",
    tools: { functionDeclarations: [WEATHER] },
  });
  await expect(apiBox(page)).toHaveValue("gemini");
  const native = uniqueMarker("native");
  const first = await weatherRound(page, native);
  await expect(first.getByRole("definition").filter({ hasText: "Gemini API" })).toBeVisible();

  // The same prompt in another tab, switched to the OpenAI-compatible endpoint.
  const other = await page.context().newPage();
  await openWithDraft(other, {
    model: "gemini-3-flash-preview",
    tools: { functionDeclarations: [WEATHER] },
  });
  // The saved draft is in place (its model shows) before the setting changes.
  await expect(chat(other).model).toHaveValue("gemini-3-flash-preview");
  await apiBox(other).selectOption({ label: "OpenAI compatibility" });
  await expect(apiBox(other)).toHaveValue("openai");
  const compat = uniqueMarker("compat");
  const second = await weatherRound(other, compat);
  await expect(
    second.getByRole("definition").filter({ hasText: "OpenAI compatibility" }),
  ).toBeVisible();

  // The first request of each round names its marker (the second's last turn is the result).
  const [nativeRequest] = await requestsFor(native);
  const [compatRequest] = await requestsFor(compat);
  expect(nativeRequest?.path).toMatch(
    /\/v1beta\/models\/gemini-3-flash-preview:streamGenerateContent$/,
  );
  expect(compatRequest?.path).toMatch(/\/v1beta\/openai\/chat\/completions$/);
  expect(compatRequest?.status).toBe(200);
});

test("a setting OpenAI compatibility cannot carry is named before the run, and the run says so", async ({
  page,
}) => {
  await openWithDraft(page, {
    config: {
      api: "openai",
      safetySettings: [{ category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_ONLY_HIGH" }],
    },
  });
  const note = page.getByRole("note", { name: "Not carried by this API" });
  await expect(note).toContainText("OpenAI compatibility cannot carry this");
  await expect(note.getByRole("listitem")).toHaveText(["Safety settings"]);

  const marker = uniqueMarker("gap");
  const ui = chat(page);
  await ui.send(marker);
  await expect(
    page
      .getByText("OpenAI compatibility cannot carry this part of the prompt: Safety settings.")
      .first(),
  ).toBeVisible();
  expect(await requestsFor(marker)).toEqual([]);

  await apiBox(page).selectOption({ label: "Gemini API" });
  await expect(note).toBeHidden();
});

test("Compare APIs puts one prompt through the three doors side by side", async ({ page }) => {
  await page.goto("/compare");
  const column = (n: number) => page.getByRole("region", { name: `Column ${n}`, exact: true });
  await expect(column(2)).toBeVisible();
  await page.getByRole("button", { name: "Compare APIs" }).click();
  await expect(column(1).getByRole("list", { name: "Own settings" })).toContainText("Gemini API");
  await expect(column(2).getByRole("list", { name: "Own settings" })).toContainText(
    "Interactions API",
  );
  await expect(column(3).getByRole("list", { name: "Own settings" })).toContainText(
    "OpenAI compatibility",
  );

  const marker = uniqueMarker("doors");
  const prompt = page.getByRole("textbox", { name: "Prompt" });
  await prompt.fill(`${marker}\n#emulator tokens=30`);
  await prompt.press("Control+Enter");
  await expect(page.getByRole("button", { name: "Run all" })).toBeEnabled({ timeout: 20_000 });
  for (const n of [1, 2, 3]) {
    await expect(column(n).getByRole("article", { name: "Answer" })).toContainText(
      "Emulated answer",
    );
  }
  const paths = (await requestsFor(marker)).map((r) =>
    r.path.replace(/^.*\/v1beta\//, "").replace(/^models\/[^:]+:/, "models:"),
  );
  expect(paths.sort()).toEqual([
    "interactions",
    "models:streamGenerateContent",
    "openai/chat/completions",
  ]);
});
