import { expect, test } from "@playwright/test";
import { chat } from "./support/chat";
import { openWithDraft } from "./support/saved-draft";

/**
 * When the server can't count a prompt it says why, and the counter beside the prompt box passes
 * that on (as its tooltip) instead of a bare "Could not count tokens.". A model this server does
 * not offer is one such case: a saved draft keeps a model its author picked, even an unknown one,
 * and the server refuses to count for it.
 */
const MODEL = "gemini-no-such-model";
const EXPLANATION = `Unknown model "${MODEL}". Choose one from the model list.`;

test.beforeEach(async ({ page }) => {
  await openWithDraft(page, { model: MODEL });
});

test("the token count shows the server's explanation when it cannot count", async ({ page }) => {
  const ui = chat(page);
  await expect(ui.model).toHaveValue(MODEL);
  await ui.prompt.fill("How many tokens is this?");

  // The count describes the prompt box; hovering it shows why there is no number.
  const countId = await ui.prompt.getAttribute("aria-describedby");
  const count = page.locator(`[id="${countId}"]`);
  await expect(ui.prompt).toHaveAccessibleDescription("– tokens");
  await count.hover();
  await expect(count).toHaveAttribute("title", EXPLANATION);
  await expect(page.getByTitle(EXPLANATION)).toHaveText("– tokens");
});
