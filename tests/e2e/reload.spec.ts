import { expect, type Page, test } from "@playwright/test";
import { chat } from "./support/chat";
import { openWithDraft } from "./support/saved-draft";

/** Nothing a person had on screen is lost by a reload, and two tabs never overwrite in silence. */

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

const statsOf = (answer: ReturnType<typeof chat>["lastAnswer"]) =>
  answer.locator('[aria-label="Run stats"]');

test("a reload keeps each answer's stats, its finish note and the status line", async ({
  page,
}) => {
  const ui = chat(page);
  await ui.send("A first question");
  await ui.waitUntilIdle();
  await ui.send("Go on\n#emulator finish=MAX_TOKENS");
  await ui.waitUntilIdle();
  const first = ui.answers.first();
  await expect(statsOf(first)).toContainText("TTFT");
  const figures = await statsOf(first).textContent();
  const note = "The answer reached the output token limit";
  await expect(ui.lastAnswer).toContainText(note);
  const status = await ui.status.textContent();

  await page.reload();
  await expect(ui.answers).toHaveCount(2);
  await expect(statsOf(first)).toHaveText(figures ?? "");
  await expect(ui.lastAnswer).toContainText(note);
  await expect(ui.status).toHaveText(status ?? "");
});

test("a reload keeps a structured answer's Valid/Invalid badge", async ({ page }) => {
  await openWithDraft(page, {
    config: {
      responseMimeType: "application/json",
      responseSchema: { type: "object", properties: { n: { type: "integer" } }, required: ["n"] },
    },
  });
  const ui = chat(page);
  await ui.send("A number");
  await ui.waitUntilIdle();
  await ui.send("Another\n#emulator invalid=1");
  await ui.waitUntilIdle();
  await expect(ui.answers.first().getByText("Valid JSON", { exact: true })).toBeVisible();
  await expect(ui.lastAnswer.getByText(/^Invalid: /)).toBeVisible();

  await page.reload();
  await expect(ui.answers.first().getByText("Valid JSON", { exact: true })).toBeVisible();
  await expect(ui.lastAnswer.getByText(/^Invalid: /)).toBeVisible();
  await expect(ui.lastAnswer.locator("pre code")).toBeVisible();
});

test("reloading during a stream keeps what arrived, marked Stopped by reload", async ({ page }) => {
  const ui = chat(page);
  await ui.send("#emulator tokens=20000 rate=150/s");
  await expect(ui.lastAnswer).toContainText("Emulated answer");
  // Wait for a little more than the first words.
  await expect
    .poll(async () => (await ui.lastAnswer.textContent())?.length ?? 0)
    .toBeGreaterThan(300);
  await page.reload();
  await expect(ui.answers).toHaveCount(1);
  await expect(ui.lastAnswer).toContainText("Emulated answer");
  await expect(ui.lastAnswer).toContainText("Stopped by reload");
  await expect(ui.status).toContainText("Stopped by reload");
  await expect(ui.run).toBeVisible();
});

async function openTab(page: Page) {
  await page.goto("/");
  await expect(chat(page).systemInstructions).toBeVisible();
}

test("an idle tab follows another tab's edits; a busy one asks which version stays", async ({
  page,
  context,
}) => {
  const a = page;
  const b = await context.newPage();
  await openTab(b);
  const [ua, ub] = [chat(a), chat(b)];

  // B is idle: what A saves appears in B.
  await ua.systemInstructions.fill("Answer as a pirate.");
  await expect(ub.systemInstructions).toHaveValue("Answer as a pirate.");

  // B is streaming an answer: A's change is not pulled under it, and B is asked.
  await ub.send("#emulator tokens=20000 rate=150/s");
  await expect(ub.lastAnswer).toContainText("Emulated answer");
  // B's question is saved (A, idle, shows it) before A changes anything: had both saved at once,
  // the later save would be the one asked, here A's.
  await expect(a.getByRole("article", { name: "User turn" })).toHaveCount(1);
  await ua.systemInstructions.fill("Answer as a poet.");
  const notice = b.getByRole("alert").filter({ hasText: "also changed in another tab" });
  await expect(notice).toBeVisible();
  await expect(ub.systemInstructions).toHaveValue("Answer as a pirate.");
  await ub.stop.click();
  // Undecided, B saves nothing over A's version.
  await a.waitForTimeout(1_500);
  await expect(ua.systemInstructions).toHaveValue("Answer as a poet.");

  // B keeps its version: it is saved over A's, and A (idle) follows it.
  await notice.getByRole("button", { name: "Keep this tab's version" }).click();
  await expect(notice).toBeHidden();
  await expect(ua.systemInstructions).toHaveValue("Answer as a pirate.");
  await expect(ua.answers).toHaveCount(1);
});
