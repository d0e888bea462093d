import { expect, test } from "@playwright/test";
import { chat } from "./support/chat";
import { openWithDraft } from "./support/saved-draft";

/**
 * Tools and structured output, before the settings UI can switch them on: the page opens with a
 * saved draft that has them.
 */
const WEATHER = {
  name: "get_weather",
  description: "Current weather for a city",
  parameters: {
    type: "object",
    properties: { city: { type: "string" }, unit: { type: "string", enum: ["C", "F"] } },
    required: ["city"],
  },
};
const TIME = {
  name: "get_time",
  description: "Local time in a timezone",
  parameters: { type: "object", properties: { zone: { type: "string" } }, required: ["zone"] },
};

test("a function call is answered with JSON and the model continues with it", async ({ page }) => {
  await openWithDraft(page, { tools: { functionDeclarations: [WEATHER] } });
  const ui = chat(page);
  await ui.send("What's the weather in Oslo?");
  await ui.waitUntilIdle();

  const call = ui.lastAnswer.getByRole("group", { name: "Function call get_weather" });
  await expect(call).toBeVisible();
  await expect(call).toContainText('"city"');

  const form = page.getByRole("form", { name: "Function responses" });
  const response = form.getByRole("textbox", { name: "Response to get_weather" });
  await response.fill("sunny, probably");
  await form.getByRole("button", { name: "Send responses" }).click();
  await expect(form.getByText(/Not valid JSON/)).toBeVisible();
  await expect(response).toHaveAttribute("aria-invalid", "true");
  await expect(ui.answers).toHaveCount(1);

  await response.fill('{"temperature": 21, "sky": "clear"}');
  await form.getByRole("button", { name: "Send responses" }).click();
  await ui.waitUntilIdle();
  await expect(form).toBeHidden();

  // The responses became a user turn; the call stayed in the model turn before it.
  const yours = page.getByRole("article", { name: "User turn" });
  await expect(
    yours.last().getByRole("group", { name: "Function response get_weather" }),
  ).toContainText('"temperature": 21');
  await expect(
    ui.answers.first().getByRole("group", { name: "Function call get_weather" }),
  ).toBeVisible();
  await expect(ui.answers).toHaveCount(2);
  await expect(ui.lastAnswer).toContainText(
    'Function response: get_weather returned {"temperature":21,"sky":"clear"}',
  );
  await expect(ui.lastAnswer).toContainText("Turns: 3");
});

test("two calls of one function are told apart by their arguments", async ({ page }) => {
  await openWithDraft(page, { tools: { functionDeclarations: [WEATHER] } });
  const ui = chat(page);
  await ui.send("Weather in two cities\n#emulator calls=2");
  await ui.waitUntilIdle();
  const calls = ui.lastAnswer.getByRole("group", { name: "Function call get_weather" });
  await expect(calls).toHaveCount(2);
  const form = page.getByRole("form", { name: "Function responses" });
  const boxes = form.getByRole("textbox");
  await expect(boxes).toHaveCount(2);
  // Each box is named by its call's arguments, as shown in the call above it.
  for (const i of [0, 1]) {
    const args: Record<string, unknown> = JSON.parse(
      (await calls.nth(i).locator("pre").textContent()) ?? "{}",
    );
    const shown = Object.entries(args)
      .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
      .join(", ");
    await expect(boxes.nth(i)).toHaveAccessibleName(`Response to get_weather(${shown})`);
  }
});

test("parallel function calls are answered together in one turn", async ({ page }) => {
  await openWithDraft(page, { tools: { functionDeclarations: [WEATHER, TIME] } });
  const ui = chat(page);
  await ui.send("Weather in Oslo and the time there\n#emulator calls=2");
  await ui.waitUntilIdle();

  await expect(ui.lastAnswer.getByRole("group", { name: /^Function call / })).toHaveCount(2);
  const form = page.getByRole("form", { name: "Function responses" });
  await form.getByRole("textbox", { name: "Response to get_weather" }).fill('{"temperature": 4}');
  await form.getByRole("textbox", { name: "Response to get_time" }).fill('{"time": "09:30"}');
  await form.getByRole("button", { name: "Send responses" }).click();
  await ui.waitUntilIdle();

  const answered = page.getByRole("article", { name: "User turn" }).last();
  await expect(answered.getByRole("group", { name: /^Function response / })).toHaveCount(2);
  await expect(ui.lastAnswer).toContainText('get_weather returned {"temperature":4}');
  await expect(ui.lastAnswer).toContainText('get_time returned {"time":"09:30"}');
  await expect(ui.lastAnswer).toContainText("Turns: 3");
});

test("Google Search grounding shows sources, citations and search suggestions", async ({
  page,
}) => {
  await openWithDraft(page, { tools: { googleSearch: true } });
  const ui = chat(page);
  await ui.send("Who designed the Eiffel Tower?");
  await ui.waitUntilIdle();

  const sources = ui.lastAnswer.getByRole("list", { name: "Sources" });
  await expect(sources.getByRole("listitem").first()).toBeVisible();
  const firstSource = sources.getByRole("link").first();
  await expect(firstSource).toHaveAttribute("href", /^https:\/\//);
  await expect(firstSource).toHaveAttribute("target", "_blank");

  // Citation markers sit in the text as superscript numbers linking to the sources.
  const citation = ui.lastAnswer.locator(".markdown-body sup a").first();
  await expect(citation).toHaveText(/^\d+$/);
  await expect(citation).toHaveAttribute("title", /^Source \d+/);

  const frame = ui.lastAnswer.locator('iframe[title="Google Search suggestions"]');
  await expect(frame).toBeVisible();
  const sandbox = (await frame.getAttribute("sandbox")) ?? "missing";
  expect(sandbox.split(/\s+/)).not.toContain("allow-scripts");
  expect(sandbox.split(/\s+/)).not.toContain("allow-same-origin");
  await expect(
    page.frameLocator('iframe[title="Google Search suggestions"]').getByRole("link").first(),
  ).toBeVisible();
});

test("code execution shows the code and its output, failures marked", async ({ page }) => {
  await openWithDraft(page, { tools: { codeExecution: true } });
  const ui = chat(page);
  await ui.send("Add up 12, 30 and 7");
  await ui.waitUntilIdle();

  const code = ui.lastAnswer.getByRole("group", { name: "Code Python" });
  await expect(code).toBeVisible();
  await expect(code.locator("pre code")).toContainText("print");
  const output = ui.lastAnswer.getByRole("group", { name: "Output, succeeded" });
  await expect(output).toBeVisible();
  await expect(output).toContainText("Succeeded");

  await ui.send("Add up 1 and 2\n#emulator codefail=1");
  await ui.waitUntilIdle();
  const failed = ui.lastAnswer.getByRole("group", { name: "Output, failed" });
  await expect(failed).toContainText("Failed");
  await expect(failed).toContainText("Traceback");
});

test("URL context lists the fetched URLs with their status", async ({ page }) => {
  await openWithDraft(page, { tools: { urlContext: true } });
  const ui = chat(page);
  await ui.send("Compare https://example.com/guide and https://unreachable.invalid/page");
  await ui.waitUntilIdle();

  const list = ui.lastAnswer.getByRole("list", { name: "URL context" });
  const ok = list.getByRole("listitem").filter({ hasText: "https://example.com/guide" });
  const failed = list.getByRole("listitem").filter({ hasText: "https://unreachable.invalid/page" });
  await expect(ok).toContainText("Retrieved");
  await expect(failed).toContainText("Failed");
});

test("structured output is checked against the response schema", async ({ page }) => {
  await openWithDraft(page, {
    config: {
      responseMimeType: "application/json",
      responseSchema: {
        type: "object",
        properties: {
          name: { type: "string" },
          servings: { type: "integer", minimum: 1 },
          ingredients: { type: "array", items: { type: "string" } },
        },
        required: ["name", "servings", "ingredients"],
      },
    },
  });
  const ui = chat(page);
  await ui.send("A pancake recipe");
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer.getByText("Valid JSON", { exact: true })).toBeVisible();
  await expect(ui.lastAnswer.locator("pre code")).toContainText('"servings"');

  await ui.send("Another recipe\n#emulator invalid=1");
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer.getByText(/^Invalid: (the answer|\$\.)/)).toBeVisible();
  await expect(ui.lastAnswer.getByText("Valid JSON", { exact: true })).toHaveCount(0);
});

test("a JSON answer that does not parse is marked Invalid JSON", async ({ page }) => {
  await openWithDraft(page, { config: { responseMimeType: "application/json" } });
  const ui = chat(page);
  await ui.send("Some JSON please\n#emulator invalid=1");
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer.getByText("Invalid JSON", { exact: true })).toBeVisible();
  await expect(ui.lastAnswer.getByText("Valid JSON", { exact: true })).toHaveCount(0);
});

test("run stats show timing, tokens, speed, finish reason and an estimated cost", async ({
  page,
}) => {
  const ui = chat(page);
  await page.goto("/");
  await ui.model.selectOption("gemini-2.5-flash");
  await ui.send("How fast was that?\n#emulator tokens=300 rate=600/s");
  await ui.waitUntilIdle();

  const stats = ui.lastAnswer.getByLabel("Run stats");
  await expect(stats).toContainText(/TTFT\s*\d+(\.\d+)? (ms|s)/);
  await expect(stats).toContainText(/Total\s*\d+(\.\d+)? (ms|s)/);
  await expect(stats).toContainText(/Input\s*[\d,]+ tokens/);
  await expect(stats).toContainText(/Output\s*[\d,]+ tokens/);
  await expect(stats).toContainText(/Speed\s*[\d,]+ tok\/s/);
  await expect(stats).toContainText(/Finish\s*STOP/);
  await expect(stats).toContainText(/Model\s*gemini-2\.5-flash/);
  await expect(stats).toContainText(/Cost\s*est\. \$\d/);
  await expect(stats.getByTitle(/estimate from Google's published list prices/i)).toContainText(
    "est. $",
  );
});

test.describe("thought signatures on Gemini 3, which refuses a call that lost its own", () => {
  test("a call survives an edit of the question and a reload, and Gemini takes the answers", async ({
    page,
  }) => {
    await openWithDraft(page, {
      model: "gemini-3-flash-preview",
      tools: { functionDeclarations: [WEATHER, TIME] },
    });
    const ui = chat(page);
    await ui.send("Weather in Oslo, and the local time?\n#emulator calls=2");
    await ui.waitUntilIdle();
    await expect(ui.lastAnswer.getByRole("group", { name: /^Function call/ })).toHaveCount(2);

    const question = page.getByRole("article", { name: "User turn" }).first();
    await question.hover();
    await question.getByRole("button", { name: "Edit", exact: true }).click();
    await question.getByRole("textbox", { name: "Edit turn text" }).fill("Oslo: weather and time?");
    await question.getByRole("button", { name: "Save", exact: true }).click();
    await expect(question).toContainText("Oslo: weather and time?");
    await page.reload();

    const form = page.getByRole("form", { name: "Function responses" });
    await form.getByRole("textbox", { name: "Response to get_weather" }).fill('{"sky": "clear"}');
    await form.getByRole("textbox", { name: "Response to get_time" }).fill('{"time": "09:12"}');
    await form.getByRole("button", { name: "Send responses" }).click();
    await ui.waitUntilIdle();
    await expect(ui.alert).toHaveCount(0);
    await expect(ui.lastAnswer).toContainText(
      'Function response: get_time returned {"time":"09:12"}',
    );
  });

  test("a call made on Gemini 2.5 without thinking continues on Gemini 3", async ({ page }) => {
    await openWithDraft(page, {
      model: "gemini-2.5-flash",
      config: { thinking: { budget: 0 } },
      tools: { functionDeclarations: [WEATHER] },
    });
    const ui = chat(page);
    await ui.send("What's the weather in Lyon?");
    await ui.waitUntilIdle();
    await expect(
      ui.lastAnswer.getByRole("group", { name: "Function call get_weather" }),
    ).toBeVisible();

    await ui.model.selectOption("gemini-3-flash-preview");
    const form = page.getByRole("form", { name: "Function responses" });
    await form.getByRole("textbox", { name: "Response to get_weather" }).fill('{"sky": "rain"}');
    await form.getByRole("button", { name: "Send responses" }).click();
    await ui.waitUntilIdle();
    await expect(ui.alert).toHaveCount(0);
    await expect(ui.lastAnswer).toContainText(
      'Function response: get_weather returned {"sky":"rain"}',
    );
  });
});
