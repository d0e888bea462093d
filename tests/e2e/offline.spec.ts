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

test("on a phone the header keeps every button whole beside the Offline badge", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(page.getByText("Offline", { exact: true })).toBeVisible();
  const settings = page.getByRole("button", { name: "Run settings", exact: true });
  await expect(settings).toBeVisible();
  // Whole inside the window, not cut off at its edge (its label gives way to its icon).
  const box = await settings.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  await settings.click();
  await expect(page.getByRole("complementary", { name: "Settings" })).toBeVisible();
});
