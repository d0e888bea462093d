import { expect, type Page, test } from "@playwright/test";
import { chat } from "./support/chat";

/** Destructive edits that can be taken back, and the page's keyboard shortcuts. */

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

async function twoExchanges(page: Page) {
  const ui = chat(page);
  for (const q of ["First question", "Second question"]) {
    await ui.send(q);
    await ui.waitUntilIdle();
  }
  await expect(ui.answers).toHaveCount(2);
  return ui;
}

/** Two exchanges, then the first answer deleted from its toolbar, as a person does it. */
async function twoExchangesLessTheFirstAnswer(page: Page) {
  const ui = await twoExchanges(page);
  const first = ui.answers.first();
  await first.hover();
  await first.getByRole("button", { name: "Delete turn" }).click();
  await expect(page.getByText("Turn 2 deleted")).toBeVisible();
  return ui;
}

const undoButton = (page: Page) => page.getByRole("button", { name: "Undo", exact: true });

test("Clear chat acts at once, and Undo brings the turns back with their stats", async ({
  page,
}) => {
  const ui = await twoExchanges(page);
  const stats = ui.lastAnswer.getByText(/tokens/i).first();
  await expect(stats).toBeVisible();

  await page.getByRole("button", { name: "Clear chat" }).click();
  await expect(page.getByRole("article")).toHaveCount(0);
  await expect(page.getByText("Chat cleared (4 turns)")).toBeVisible();

  await undoButton(page).click();
  await expect(page.getByRole("article")).toHaveCount(4);
  await expect(ui.lastAnswer).toContainText('Last user message: "Second question"');
  await expect(ui.lastAnswer.getByText(/tokens/i).first()).toBeVisible();
  await expect(undoButton(page)).toBeHidden();
  // The restored turns are what the next run sends.
  await ui.send("Third question");
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer).toContainText("Turns: 5");
});

test("Ctrl+Z outside a text field undoes Delete turn; inside the prompt box it is the box's own", async ({
  page,
}) => {
  const ui = await twoExchangesLessTheFirstAnswer(page);
  await expect(ui.answers).toHaveCount(1);

  // Typing in the prompt box: Ctrl+Z there belongs to the text, the turn stays deleted.
  await ui.prompt.fill("draft");
  await ui.prompt.press("Control+z");
  await expect(ui.answers).toHaveCount(1);

  await page.getByRole("heading", { name: "Run settings" }).click();
  await page.keyboard.press("Control+z");
  await expect(ui.answers).toHaveCount(2);
  await expect(ui.answers.first()).toContainText('Last user message: "First question"');
});

test("an edit after a delete makes the undo stale: nothing newer is ever lost", async ({
  page,
}) => {
  await twoExchangesLessTheFirstAnswer(page);

  const turn = page.getByRole("article", { name: "User turn" }).first();
  await turn.hover();
  await turn.getByRole("button", { name: "Switch role" }).click();
  await expect(undoButton(page)).toBeHidden();
  await page.getByRole("heading", { name: "Run settings" }).click();
  await page.keyboard.press("Control+z");
  await expect(page.getByRole("article")).toHaveCount(3);
});

test("Undo during a rerun stops it and restores the conversation it replaced", async ({ page }) => {
  const ui = chat(page);
  await ui.send("Short question");
  await ui.waitUntilIdle();
  await ui.send("Slow question\n#emulator tokens=20000 rate=150/s");
  await expect(ui.lastAnswer).toContainText("Emulated answer");
  await ui.stop.click();
  await ui.waitUntilIdle();
  const first = page.getByRole("article", { name: "User turn" }).last();
  await first.hover();
  await first.getByRole("button", { name: "Rerun from here" }).click();
  await expect(ui.stop).toBeVisible();
  await expect(page.getByText("Rerun from turn 3: 1 turn replaced")).toBeVisible();
  await undoButton(page).click();
  await expect(ui.stop).toBeHidden();
  await expect(ui.answers).toHaveCount(2);
  await expect(page.getByRole("article")).toHaveCount(4);
});

test("Escape stops a streaming answer from anywhere outside a dialog", async ({ page }) => {
  const ui = chat(page);
  await ui.send("#emulator tokens=20000 rate=150/s");
  await expect(ui.lastAnswer).toContainText("Emulated answer");
  await ui.prompt.press("Escape");
  await expect(ui.stop).toBeHidden();
  await expect(ui.status).toContainText(/stopped/i);
  await expect(ui.lastAnswer).toContainText("Emulated answer");
});

test("? lists the keyboard shortcuts, and the header's button does too", async ({ page }) => {
  await page.getByRole("heading", { name: "Run settings" }).click();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Stop the answer that is streaming");
  await expect(dialog).toContainText("Undo Clear chat, Delete turn or Rerun");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // In the prompt box "?" is text.
  const ui = chat(page);
  await ui.prompt.press("?");
  await expect(ui.prompt).toHaveValue("?");
  await expect(dialog).toBeHidden();

  await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  await expect(dialog).toBeVisible();
});

test("the first Tab reaches a skip link to the prompt box", async ({ page }) => {
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to the prompt box" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(chat(page).prompt).toBeFocused();
});
