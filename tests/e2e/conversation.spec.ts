import { expect, type Locator, type Page, test } from "@playwright/test";
import { chat } from "./support/chat";

/** Editing the conversation as a prompt: the user stories of the chat column's turn actions. */

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

function turns(page: Page) {
  return {
    yours: page.getByRole("article", { name: "User turn" }),
    answers: page.getByRole("article", { name: "Model turn" }),
    all: page.getByRole("region", { name: "Conversation" }).getByRole("article"),
  };
}

/** A turn's actions appear on hover or focus; hovering first is what a person does. */
async function act(turn: Locator, action: string) {
  await turn.hover();
  await turn.getByRole("button", { name: action, exact: true }).click();
}

async function addToChat(page: Page, role: "user" | "model", text: string) {
  const ui = chat(page);
  await ui.prompt.fill(text);
  await page.getByRole("button", { name: "Add to chat" }).click();
  await page.getByRole("menuitem", { name: `Add to chat as ${role}` }).click();
  await expect(ui.prompt).toHaveValue("");
}

test("editing a turn and rerunning from it sends the edited text", async ({ page }) => {
  const ui = chat(page);
  const { yours, answers } = turns(page);
  await ui.send("The original question");
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer).toContainText('Last user message: "The original question"');

  await act(yours.first(), "Edit");
  const editor = yours.first().getByRole("textbox", { name: "Edit turn text" });
  await expect(editor).toHaveValue("The original question");
  await editor.fill("The edited question");
  await yours.first().getByRole("button", { name: "Save", exact: true }).click();
  await expect(yours.first()).toContainText("The edited question");
  await expect(editor).toBeHidden();

  await act(yours.first(), "Rerun from here");
  await expect(page.getByText("Rerun from turn 1: 1 turn replaced")).toBeVisible();
  await ui.waitUntilIdle();
  await expect(answers).toHaveCount(1);
  await expect(ui.lastAnswer).toContainText('Last user message: "The edited question"');
  await expect(ui.lastAnswer).toContainText("Turns: 1");
});

test("an edited question marks the answers below it stale; Save & rerun answers it again", async ({
  page,
}) => {
  const ui = chat(page);
  const { yours, answers } = turns(page);
  await ui.send("What is the capital of France?");
  await ui.waitUntilIdle();
  await ui.send("And of Italy?");
  await ui.waitUntilIdle();

  await act(yours.first(), "Edit");
  const editor = yours.first().getByRole("textbox", { name: "Edit turn text" });
  await editor.fill("What is the capital of Spain?");
  await yours.first().getByRole("button", { name: "Save", exact: true }).click();
  await expect(answers.nth(0)).toContainText("Earlier turn edited");
  await expect(answers.nth(1)).toContainText("Earlier turn edited");
  // Marked across a reload too: the answers still don't answer the edited question.
  await page.reload();
  await expect(answers.nth(0)).toContainText("Earlier turn edited");

  await act(yours.first(), "Edit");
  await editor.fill("What is the capital of Portugal?");
  await yours.first().getByRole("button", { name: "Save & rerun" }).click();
  await ui.waitUntilIdle();
  await expect(answers).toHaveCount(1);
  await expect(ui.lastAnswer).toContainText(
    'Last user message: "What is the capital of Portugal?"',
  );
  await expect(page.getByText("Earlier turn edited")).toHaveCount(0);
});

test("Escape cancels an edit and keeps the turn as it was", async ({ page }) => {
  const { yours } = turns(page);
  await addToChat(page, "user", "Keep me");
  await act(yours.first(), "Edit");
  const editor = yours.first().getByRole("textbox", { name: "Edit turn text" });
  await editor.fill("Changed");
  await editor.press("Escape");
  await expect(editor).toBeHidden();
  await expect(yours.first()).toHaveText(/Keep me/);
  await expect(yours.first()).not.toContainText("Changed");
});

test("deleting a turn removes it from what the next run sends", async ({ page }) => {
  const ui = chat(page);
  const { yours, answers } = turns(page);
  await ui.send("First question");
  await ui.waitUntilIdle();
  await ui.send("Second question");
  await ui.waitUntilIdle();
  await expect(answers).toHaveCount(2);

  await act(answers.first(), "Delete turn");
  await expect(answers).toHaveCount(1);
  await expect(yours).toHaveCount(2);

  await ui.send("Third question");
  await ui.waitUntilIdle();
  // user, user, model, user: four turns reached the model.
  await expect(ui.lastAnswer).toContainText("Turns: 4");
});

test("rerunning from an earlier turn drops the later ones, and Undo brings them back", async ({
  page,
}) => {
  const ui = chat(page);
  const { yours, answers } = turns(page);
  for (const q of ["Question one", "Question two", "Question three"]) {
    await ui.send(q);
    await ui.waitUntilIdle();
  }
  await expect(answers).toHaveCount(3);

  await act(yours.first(), "Rerun from here");
  await expect(page.getByText("Rerun from turn 1: 5 turns replaced")).toBeVisible();
  await ui.waitUntilIdle();
  await expect(yours).toHaveCount(1);
  await expect(answers).toHaveCount(1);
  await expect(ui.lastAnswer).toContainText("Turns: 1");
  await expect(ui.lastAnswer).toContainText('Last user message: "Question one"');
  await expect(page.getByText("Question three")).toHaveCount(0);

  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(answers).toHaveCount(3);
  await expect(yours.last()).toContainText("Question three");
  // The restored answers are the originals, stats and all: the next run sends all six turns.
  await expect(ui.lastAnswer).toContainText('Last user message: "Question three"');
  await ui.send("Question four");
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer).toContainText("Turns: 7");
});

test("a model turn written by hand is part of the next run (few-shot)", async ({ page }) => {
  const ui = chat(page);
  const { all, answers } = turns(page);
  await addToChat(page, "user", "What is 2 + 2?");
  await addToChat(page, "model", "Four.");
  await expect(all).toHaveCount(2);
  await expect(answers.first()).toContainText("Four.");

  await ui.send("And 3 + 3?");
  await ui.waitUntilIdle();
  await expect(answers).toHaveCount(2);
  await expect(ui.lastAnswer).toContainText("Turns: 3");
  await expect(ui.lastAnswer).toContainText('Last user message: "And 3 + 3?"');
});

test("switching a turn's role moves it between user and model", async ({ page }) => {
  const ui = chat(page);
  const { yours, answers } = turns(page);
  await addToChat(page, "user", "An example reply");
  await expect(yours).toHaveCount(1);

  await act(yours.first(), "Switch role");
  await expect(yours).toHaveCount(0);
  await expect(answers).toHaveCount(1);
  await expect(answers.first()).toContainText("An example reply");

  await ui.send("A real question");
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer).toContainText("Turns: 2");

  await act(answers.first(), "Switch role");
  await expect(yours.first()).toContainText("An example reply");
});

test("New prompt resets conversation, instructions and settings after confirming", async ({
  page,
}) => {
  const ui = chat(page);
  await ui.systemInstructions.fill("Answer in French.");
  await ui.temperature.fill("0.3");
  await ui.send("Bonjour");
  await ui.waitUntilIdle();
  await ui.prompt.fill("unsent words");

  const newPrompt = page.getByRole("button", { name: "New prompt" });
  const dialog = page.getByRole("dialog", { name: "Start a new prompt?" });
  await newPrompt.click();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(ui.answers).toHaveCount(1);
  await expect(ui.systemInstructions).toHaveValue("Answer in French.");

  await newPrompt.click();
  await dialog.getByRole("button", { name: "Discard and start new" }).click();
  await expect(ui.answers).toHaveCount(0);
  await expect(ui.systemInstructions).toHaveValue("");
  await expect(ui.prompt).toHaveValue("");
  await expect(ui.temperature).not.toHaveValue("0.3");

  await ui.send("Fresh start");
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer).toContainText("System instruction: none");
  await expect(ui.lastAnswer).toContainText("Temperature: default");
  await expect(ui.lastAnswer).toContainText("Turns: 1");
});

test("the draft survives a reload", async ({ page }) => {
  const ui = chat(page);
  await ui.systemInstructions.fill("Be brief.");
  await ui.send("Remember this question");
  await ui.waitUntilIdle();
  await addToChat(page, "model", "A hand-written model turn");
  await ui.prompt.fill("half-typed");
  // The draft is written a moment after the last change (storage.ts); reloading flushes it too.
  await page.reload();

  const { yours, answers } = turns(page);
  await expect(yours.first()).toContainText("Remember this question");
  await expect(answers).toHaveCount(2);
  await expect(answers.first()).toContainText("Emulated answer");
  await expect(answers.last()).toContainText("A hand-written model turn");
  await expect(ui.systemInstructions).toHaveValue("Be brief.");
  await expect(ui.prompt).toHaveValue("half-typed");
});

/** The count beside the prompt box, which describes it: "1,234 / 1,048,576 tokens". */
async function tokenCount(prompt: Locator): Promise<number> {
  const text = await prompt.evaluate((el) => {
    const id = el.getAttribute("aria-describedby") ?? "";
    return document.getElementById(id)?.textContent ?? "";
  });
  const match = /^([\d,]+)(?: \/ [\d,]+)? tokens$/.exec(text);
  return match ? Number(match[1]?.replace(/,/g, "")) : Number.NaN;
}

test("the token count beside the prompt box follows what is typed", async ({ page }) => {
  const ui = chat(page);
  await expect(ui.prompt).toHaveAccessibleDescription(/^0 \/ [\d,]+ tokens$/);

  await ui.prompt.fill("Tell me something about tides and the moon.");
  await expect.poll(() => tokenCount(ui.prompt)).toBeGreaterThan(0);
  const short = await tokenCount(ui.prompt);

  await ui.prompt.pressSequentially(" And also about the sun, the planets and the stars, please.");
  await expect.poll(() => tokenCount(ui.prompt)).toBeGreaterThan(short);

  await ui.prompt.fill("");
  await expect.poll(() => tokenCount(ui.prompt)).toBe(0);
});
