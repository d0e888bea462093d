import { expect, test } from "@playwright/test";
import { chat } from "./support/chat";
import { OFFLINE_URL } from "./support/servers";

test.use({ baseURL: OFFLINE_URL });

test("without a key the page says answers are simulated and how to add a key", async ({ page }) => {
  await page.goto("/");
  const banner = page.getByRole("region", { name: "Offline mode" });
  await expect(banner).toContainText(/simulated/i);
  await expect(banner).toContainText("GEMINI_API_KEY");

  const ui = chat(page);
  await ui.send("Hello offline world");
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer).toContainText('Last user message: "Hello offline world"');
});
