import { expect, test } from "@playwright/test";
import { chat } from "./support/chat";
import { openWithDraft } from "./support/saved-draft";
import { uniqueMarker, waitForEmulatorEnd } from "./support/servers";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test("a prompt runs and its answer streams in as markdown", async ({ page }) => {
  const ui = chat(page);
  await expect(ui.model.locator("option")).not.toHaveCount(0);
  await ui.model.selectOption("gemini-2.5-pro");
  await ui.systemInstructions.fill("Answer as a pirate.");
  await ui.temperature.fill("0.35");
  await ui.prompt.fill("Tell me about streams\n#emulator tokens=1500 rate=500/s");
  await ui.run.click();

  await expect(ui.stop).toBeVisible();
  await expect(ui.prompt).toHaveValue("");
  await expect(ui.lastAnswer).toContainText("Emulated answer");
  const early = (await ui.lastAnswer.textContent())?.length ?? 0;
  await expect
    .poll(async () => (await ui.lastAnswer.textContent())?.length ?? 0, { timeout: 5_000 })
    .toBeGreaterThan(early + 200);

  await ui.waitUntilIdle();
  const answer = ui.lastAnswer;
  await expect(answer).toContainText("Model: gemini-2.5-pro");
  await expect(answer).toContainText('System instruction: "Answer as a pirate."');
  await expect(answer).toContainText("Temperature: 0.35");
  await expect(answer).toContainText("Turns: 1");
  await expect(answer.getByRole("heading").first()).toBeVisible();
  await expect(answer.getByRole("table").first()).toBeVisible();
  await expect(answer.locator("pre code").first()).toBeVisible();
  await expect(answer).not.toContainText("#emulator");
  await expect(ui.status).toContainText(/done/i);
});

test("Ctrl+Enter continues the conversation with every turn", async ({ page }) => {
  const ui = chat(page);
  await ui.send("First question");
  await ui.waitUntilIdle();
  await ui.send("Second question");
  await ui.waitUntilIdle();
  await expect(ui.answers).toHaveCount(2);
  await expect(ui.lastAnswer).toContainText("Turns: 3");
  await expect(ui.lastAnswer).toContainText('Last user message: "Second question"');
});

test("Stop ends a long answer, keeps what arrived and closes the upstream request", async ({
  page,
}) => {
  const ui = chat(page);
  const marker = uniqueMarker("stop");
  await ui.send(`${marker}\n#emulator tokens=20000 rate=150/s`);
  await expect(ui.lastAnswer).toContainText("Emulated answer");
  await ui.stop.click();
  // From the click's end: the time Playwright takes to find and press the button, seconds on a
  // loaded machine, is not the app's.
  const stoppedAt = Date.now();
  await expect(ui.stop).toBeHidden();
  await expect(ui.run).toBeVisible();
  await expect(ui.status).toContainText(/stopped/i);
  await expect(ui.lastAnswer).toContainText("Emulated answer");

  const upstream = await waitForEmulatorEnd(marker);
  expect(upstream.outcome).toBe("client_closed");
  expect((upstream.endedAt ?? 0) - stoppedAt).toBeLessThan(1000);
});

test("a quota error is explained with when to retry", async ({ page }) => {
  const ui = chat(page);
  await ui.send("#emulator error=429 retryDelay=9s");
  await expect(ui.alert).toContainText(/quota/i);
  await expect(ui.alert).toContainText(/retry in \d s/i);
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
});

test("an overloaded model and a broken stream are explained", async ({ page }) => {
  const ui = chat(page);
  await ui.send("#emulator error=503");
  await expect(ui.alert).toContainText(/overloaded/i);
  await ui.send("#emulator tokens=3000 chunk=20 disconnect=2");
  await expect(ui.alert).toContainText(/broke off/i);
  await expect(ui.lastAnswer).toContainText("Emulated answer");
});

test("blocked prompts and safety stops say why", async ({ page }) => {
  const ui = chat(page);
  await ui.send("#emulator block=PROHIBITED_CONTENT");
  await expect(page.getByText(/blocked/i).first()).toBeVisible();
  await expect(page.getByText(/PROHIBITED_CONTENT/).first()).toBeVisible();
  await ui.send("#emulator finish=SAFETY");
  await expect(page.getByText(/safety/i).first()).toBeVisible();
});

test("the keyed server does not claim to be offline", async ({ page }) => {
  await expect(
    page
      .getByRole("heading", { name: /gemini playground/i })
      .or(page.getByText("Gemini Playground").first()),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Offline mode" })).toHaveCount(0);
});

test("thinking that uses up the output limit is explained, with what to change", async ({
  page,
}) => {
  await openWithDraft(page, { model: "gemini-2.5-flash", config: { maxOutputTokens: 10 } });
  const ui = chat(page);
  await ui.send("Plan a week of dinners");
  await ui.waitUntilIdle();
  // No answer arrived, so there is no answer to note it under: the alert area says why.
  await expect(ui.alert).toContainText("spent the whole output limit (10 tokens) thinking");
  await expect(ui.alert).toContainText("Raise Max output tokens or lower the thinking budget");
});
