import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { chat } from "./support/chat";

/**
 * The run settings panel, driven as a person would, against the standalone emulator: each value is
 * proven to reach the upstream request by the emulator's echo of it in the answer.
 */
function panel(page: Page) {
  const ui = chat(page);
  const switchNamed = (name: string) => page.getByRole("switch", { name, exact: true });
  return {
    ui,
    topP: page.getByLabel("Top P"),
    topK: page.getByLabel("Top K"),
    maxTokens: page.getByLabel("Max output tokens"),
    stops: page.getByLabel("Stop sequences"),
    /** The remove button of the n-th stop sequence chip (1-based). */
    chip: (n: number) => page.getByRole("button", { name: `Remove sequence ${n}`, exact: true }),
    seed: page.getByLabel("Seed"),
    presence: page.getByLabel("Presence penalty"),
    frequency: page.getByLabel("Frequency penalty"),
    budget: page.getByLabel("Thinking budget"),
    level: page.getByLabel("Thinking level"),
    showThoughts: switchNamed("Show thoughts"),
    structured: switchNamed("Structured output"),
    schema: page.getByRole("textbox", { name: "Response schema" }),
    functions: switchNamed("Function calling"),
    declarations: page.getByRole("textbox", { name: "Function declarations" }),
    search: switchNamed("Grounding with Google Search"),
    code: switchNamed("Code execution"),
    urls: switchNamed("URL context"),
    notice: page.getByRole("status").filter({ hasText: /Dropped for|Adjusted:/ }),
    dialog: page.getByRole("dialog"),
    /** Pick a model once the server's catalogue has arrived. */
    async pickModel(id: string) {
      await expect(ui.model.locator(`option[value="${id}"]`)).toBeAttached();
      await ui.model.selectOption(id);
    },
    /** Send a prompt and wait for its whole answer. */
    async ask(text = "Echo the settings") {
      const before = await ui.answers.count();
      await ui.send(text);
      await expect(ui.answers).toHaveCount(before + 1, { timeout: 20_000 });
      await ui.waitUntilIdle();
      return ui.lastAnswer;
    },
  };
}

const WEATHER = [
  {
    name: "get_weather",
    description: "Current weather for a city.",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
];

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test("a new prompt starts on Gemini 3.5 Flash, with its card and Google's temperature advice", async ({
  page,
}) => {
  const s = panel(page);
  await expect(s.ui.model).toHaveValue("gemini-3.5-flash");
  const card = page.locator("#settings-panel").getByText("Knowledge").locator("../..");
  await expect(page.getByText("Current stable Flash model")).toBeVisible();
  await expect(card).toContainText("1,048,576 in · 65,536 out");
  await expect(card).toContainText("$1.50 in · $9 out per 1M tokens (list price)");
  await expect(card).toContainText("Thinking levels, Function calling");

  const advice = page.getByText("Google advises keeping temperature at 1 for Gemini 3 models");
  await s.ui.temperature.fill("0.4");
  await expect(advice).toBeVisible();
  await s.ui.temperature.fill("1");
  await expect(advice).toBeHidden();
  // Older models take low temperatures without advice.
  await s.ui.temperature.fill("0.4");
  await s.pickModel("gemini-2.5-flash");
  await expect(advice).toBeHidden();
  await expect(card).toContainText("January 2025");
});

test("sampling, stop sequences, media resolution and safety reach the model", async ({ page }) => {
  const s = panel(page);
  await s.pickModel("gemini-2.5-flash");
  await expect(s.topP).toHaveAttribute("placeholder", "0.95");
  await s.topP.fill("0.9");
  await s.topK.fill("20");
  await s.maxTokens.fill("500");
  await s.seed.fill("42");
  for (const stop of ["END", "STOP"]) {
    await s.stops.fill(stop);
    await s.stops.press("Enter");
  }
  await expect(s.chip(2)).toHaveAccessibleDescription("STOP");
  await expect(s.stops).toHaveValue("");
  await page.getByLabel("Media resolution").selectOption("MEDIA_RESOLUTION_LOW");
  await page.getByLabel("Response MIME type").selectOption("text/plain");
  await page.getByRole("button", { name: "Edit safety settings" }).click();
  await s.dialog.getByLabel("Hate speech").selectOption("BLOCK_NONE");
  await s.dialog.getByLabel("Harassment").selectOption("OFF");
  await s.dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText("2 of 5 categories changed")).toBeVisible();
  // Penalties are refused by Gemini 2.5 ("Penalty is not enabled"), so they can't be set here.
  await expect(s.presence).toBeDisabled();
  await expect(page.getByText("Not available for Gemini 2.5 Flash").first()).toBeVisible();

  const answer = await s.ask();
  await expect(answer).toContainText("Top P: 0.9");
  await expect(answer).toContainText("Top K: 20");
  await expect(answer).toContainText("Max output tokens: 500");
  await expect(answer).toContainText("Stop sequences: 2");
  await expect(answer).toContainText("Seed: 42");
  await expect(answer).toContainText("Response MIME type: text/plain");
  await expect(answer).toContainText("Media resolution: MEDIA_RESOLUTION_LOW");
  await expect(answer).toContainText(
    "Safety: HARM_CATEGORY_HATE_SPEECH=BLOCK_NONE, HARM_CATEGORY_HARASSMENT=OFF",
  );
  await expect(answer).not.toContainText("Presence penalty");
});

test("penalties reach a model that accepts them; Reset goes back to the default", async ({
  page,
}) => {
  const s = panel(page);
  await s.pickModel("gemini-2.0-flash");
  await s.presence.fill("0.5");
  await s.frequency.fill("-0.5");
  await s.topP.fill("0.9");
  // Every reset button is named "Reset to default" and described by its setting's label.
  await page.locator('button[aria-describedby="setting-topP-label"]').click();
  await expect(s.topP).toHaveValue("");
  const answer = await s.ask();
  await expect(answer).toContainText("Presence penalty: 0.5");
  await expect(answer).toContainText("Frequency penalty: -0.5");
  await expect(answer).not.toContainText("Top P:");
});

test("stop sequences: Enter adds a chip, × removes it, five at most", async ({ page }) => {
  const s = panel(page);
  for (const stop of ["a1", "b2", "c3", "d4", "e5"]) {
    await s.stops.fill(stop);
    await s.stops.press("Enter");
  }
  await expect(s.stops).toBeDisabled();
  await expect(page.getByText("5/5")).toBeVisible();
  await expect(s.chip(3)).toHaveAccessibleDescription("c3");
  await s.chip(3).click();
  await expect(s.chip(3)).toHaveAccessibleDescription("d4");
  await expect(s.chip(5)).toHaveCount(0);
  await expect(s.stops).toBeEnabled();
  await s.stops.fill("a1");
  await s.stops.press("Enter");
  await expect(page.getByText('"a1" is already in the list.')).toBeVisible();
  const answer = await s.ask();
  await expect(answer).toContainText("Stop sequences: 4");
});

test("thinking budget: Off, Dynamic or Custom within each model's range", async ({ page }) => {
  const s = panel(page);
  await s.pickModel("gemini-2.5-flash");
  const modes = page.getByRole("radiogroup", { name: "Thinking mode" });
  await expect(modes.getByRole("radio")).toHaveCount(3);
  await expect(modes.getByRole("radio", { name: "Dynamic" })).toBeChecked();
  // Dynamic has no number to set: neither field nor slider is there to focus.
  await expect(s.budget).toHaveCount(0);
  await expect(page.getByText("The model decides how much to think.")).toBeVisible();
  const sliders = page.locator("#settings-panel input[type=range]");
  const withoutBudget = await sliders.count();
  await modes.getByRole("radio", { name: "Custom" }).check();
  await expect(s.budget).toHaveValue("8192");
  await expect(sliders).toHaveCount(withoutBudget + 1);
  await s.budget.fill("1024");
  await s.showThoughts.click();
  await expect(s.showThoughts).toHaveAttribute("aria-checked", "true");
  const answer = await s.ask();
  await expect(answer).toContainText("Thinking: budget 1024, include thoughts");

  await s.budget.fill("30000");
  await expect(page.getByText("Must be from 1 to 24,576.")).toBeVisible();
  await expect(s.budget).toHaveAttribute("aria-invalid", "true");
  await s.budget.blur();
  await expect(s.budget).toHaveValue("24576");
  await modes.getByRole("radio", { name: "Off" }).check();
  await expect(s.showThoughts).toBeDisabled();

  await s.pickModel("gemini-2.5-pro");
  await expect(s.notice).toContainText("Dropped for Gemini 2.5 Pro: Thinking budget");
  await expect(modes.getByRole("radio", { name: "Off" })).toHaveCount(0);
  await modes.getByRole("radio", { name: "Custom" }).check();
  await s.budget.fill("50");
  await s.budget.blur();
  await expect(s.budget).toHaveValue("128");
  await s.pickModel("gemini-2.5-flash-lite");
  await expect(s.notice).toContainText("Adjusted: Thinking budget to 512");
  await s.budget.fill("30000");
  await s.budget.blur();
  await expect(s.budget).toHaveValue("24576");
});

test("while the model thinks, the folded thoughts show the title of the latest one", async ({
  page,
}) => {
  const s = panel(page);
  await s.showThoughts.click();
  await s.ui.send("Think it through\n#emulator thoughts=3000 rate=200/s");
  const header = s.ui.lastAnswer.locator("summary");
  await expect(header).toContainText("Thinking…");
  // The emulator's summaries open with bold titles, as Gemini's do; the header names the newest.
  const title = header.locator("span");
  await expect(title).toHaveText(/^[A-Z][a-z]+( [A-Za-z-]+)+$/);
  const first = await title.textContent();
  await expect(title).not.toHaveText(first ?? "", { timeout: 15_000 });
  await s.ui.stop.click();
  await expect(header).toHaveText("Thoughts");
});

test("thinking level for Gemini 3 models, with the levels each allows", async ({ page }) => {
  const s = panel(page);
  await s.pickModel("gemini-3-pro-preview");
  await expect(s.budget).toHaveCount(0);
  await expect(s.level.locator("option")).toHaveText(["Default (High)", "Low", "High"]);
  await s.level.selectOption("high");
  const answer = await s.ask();
  await expect(answer).toContainText("Thinking: level HIGH");
  await s.pickModel("gemini-3-flash-preview");
  await expect(s.level.locator("option")).toHaveText([
    "Default (High)",
    "Minimal",
    "Low",
    "Medium",
    "High",
  ]);
  await expect(s.level).toHaveValue("high");
});

test("changing the model keeps what fits and says what was dropped", async ({ page }) => {
  const s = panel(page);
  await s.pickModel("gemini-2.5-flash");
  await s.topP.fill("0.5");
  await s.topK.fill("20");
  await page.getByRole("radio", { name: "Custom" }).check();
  await s.budget.fill("1024");
  await expect(s.notice).toHaveCount(0);
  await s.pickModel("gemini-3-pro-preview");
  await expect(s.notice).toHaveText(/Dropped for Gemini 3 Pro Preview: Thinking budget, Top K\./);
  await expect(s.topP).toHaveValue("0.5");
  await expect(s.topK).toBeDisabled();
  const answer = await s.ask();
  await expect(answer).toContainText("Top P: 0.5");
  await expect(answer).not.toContainText("Top K:");
  await expect(answer).not.toContainText("budget");
  await s.notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(s.notice).toHaveCount(0);
});

test("max output tokens cannot exceed the model's output limit", async ({ page }) => {
  const s = panel(page);
  await s.pickModel("gemini-2.5-flash");
  await expect(s.maxTokens).toHaveAttribute("placeholder", "65536");
  await s.maxTokens.fill("100000");
  await expect(page.getByText("Must be from 1 to 65,536.")).toBeVisible();
  await s.maxTokens.blur();
  await expect(s.maxTokens).toHaveValue("65536");
  await s.pickModel("gemini-2.0-flash");
  await expect(s.notice).toContainText("Adjusted: Max output tokens to 8,192.");
  await expect(s.maxTokens).toHaveValue("8192");
  const answer = await s.ask();
  await expect(answer).toContainText("Max output tokens: 8192");
});

test("structured output: the schema is checked as you type and saved only when valid", async ({
  page,
}) => {
  const s = panel(page);
  // Every script the page has loaded (cached ones included), searched for CodeMirror's own class.
  const editorLoaded = async () => {
    const urls = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => name.endsWith(".js")),
    );
    expect(urls.length).toBeGreaterThan(0);
    const bodies = await Promise.all(urls.map(async (url) => (await page.request.get(url)).text()));
    return bodies.some((js) => js.includes("cm-content"));
  };
  await expect(s.structured).toHaveAttribute("aria-checked", "false");
  await page.waitForLoadState("networkidle");
  expect(await editorLoaded()).toBe(false);

  await s.structured.click();
  await expect(s.structured).toHaveAttribute("aria-checked", "true");
  await expect(s.schema).toBeVisible();
  expect(await editorLoaded()).toBe(true);
  const save = s.dialog.getByRole("button", { name: "Save" });
  await s.schema.pressSequentially('{"type": ');
  await expect(s.dialog).toContainText("Invalid JSON: The JSON ends too early");
  await expect(save).toBeDisabled();
  await s.schema.pressSequentially('"strin"}');
  await expect(s.dialog).toContainText("type must be one of string, number, integer");
  await expect(save).toBeDisabled();
  // Undo steps back through the edit history (a JSON editor without undo loses work).
  await s.schema.press("Control+z");
  await expect(s.schema).not.toContainText("strin");
  await s.schema.press("Control+Shift+z");
  await expect(s.schema).toContainText('"strin"}');
  await s.dialog.getByRole("button", { name: "Classification" }).click();
  await expect(s.dialog).toContainText("Valid JSON Schema.");
  await save.click();
  await expect(s.dialog).toBeHidden();
  await expect(page.getByText("Object with 3 properties")).toBeVisible();

  const answer = await s.ask();
  await expect(answer).toContainText('"label"');
  await expect(answer).toContainText('"confidence"');
});

test("function declarations: import, check, export and calling mode", async ({ page }) => {
  const s = panel(page);
  await s.functions.click();
  await expect(s.declarations).toBeVisible();
  const save = s.dialog.getByRole("button", { name: "Save" });
  await s.declarations.fill('[{"description": "no name"}]');
  await expect(s.dialog).toContainText("Function 1: name is required.");
  await expect(save).toBeDisabled();
  await s.dialog.getByLabel("Import").setInputFiles({
    name: "tools.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(WEATHER)),
  });
  await expect(s.declarations).toContainText('"get_weather"');
  await expect(s.dialog).toContainText("1 valid function declaration.");
  await save.click();
  await expect(page.getByText("1 declared: get_weather")).toBeVisible();

  await page.getByLabel("Function calling mode").selectOption("NONE");
  const answer = await s.ask();
  await expect(answer).toContainText("Tools: functions(get_weather)");
  await expect(answer).toContainText("Function calling: NONE");

  await page.getByRole("button", { name: "Edit functions" }).click();
  const download = page.waitForEvent("download");
  await s.dialog.getByRole("button", { name: "Export" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("function-declarations.json");
  expect(JSON.parse(await readFile(await file.path(), "utf8"))).toEqual(WEATHER);
  await s.dialog.getByRole("button", { name: "Cancel" }).click();

  await page.getByLabel("Function calling mode").selectOption("ANY");
  await page.getByRole("checkbox", { name: "get_weather" }).check();
  const call = await s.ask("What is the weather in Paris?");
  // ANY forces a call: the answer is the call itself, not the emulator's text echo.
  await expect(call.getByRole("group", { name: "Function call get_weather" })).toBeVisible();
  await expect(call).not.toContainText("Emulated answer");
});

test("built-in tools reach the model, and are disabled with a reason where unavailable", async ({
  page,
}) => {
  const s = panel(page);
  await s.pickModel("gemini-2.5-flash");
  for (const tool of [s.search, s.code, s.urls]) await tool.click();
  const answer = await s.ask("Look it up: https://example.com");
  await expect(answer).toContainText("Tools: googleSearch, codeExecution, urlContext");

  await s.pickModel("gemini-2.5-flash-image");
  await expect(s.notice).toContainText("Code execution, Grounding with Google Search, URL context");
  for (const tool of [s.search, s.code, s.urls, s.structured, s.functions]) {
    await expect(tool).toBeDisabled();
    await expect(tool).toHaveAttribute("aria-checked", "false");
  }
  await expect(s.search).toHaveAccessibleDescription("Nano Banana can't use tools.");
});

test("settings live in the draft and survive a reload", async ({ page }) => {
  const s = panel(page);
  await s.pickModel("gemini-2.5-flash");
  await s.topP.fill("0.9");
  await s.stops.fill("END");
  await s.stops.press("Enter");
  await page.getByRole("radio", { name: "Custom" }).check();
  await s.budget.fill("2048");
  await s.showThoughts.click();
  await s.search.click();
  await s.structured.click();
  await s.dialog.getByRole("button", { name: "Enum" }).click();
  await s.dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("One of 3 values")).toBeVisible();

  await page.reload();
  await expect(s.topP).toHaveValue("0.9");
  await expect(s.chip(1)).toHaveAccessibleDescription("END");
  await expect(s.budget).toHaveValue("2048");
  await expect(s.showThoughts).toHaveAttribute("aria-checked", "true");
  await expect(s.search).toHaveAttribute("aria-checked", "true");
  await expect(s.structured).toHaveAttribute("aria-checked", "true");
  await expect(page.getByLabel("Response MIME type")).toHaveValue("text/x.enum");
  const answer = await s.ask();
  await expect(answer).toContainText(/Positive|Neutral|Negative/);
  await expect(answer).not.toContainText("Emulated answer");
});
