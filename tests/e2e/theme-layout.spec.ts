import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { chat } from "./support/chat";
import { auditTheme } from "./support/theme-audit";

/**
 * The two themes and the two layouts, checked as rendered: every visible text readable against
 * what it is drawn on, no light surface left in the dark theme, no sideways scrolling on a phone.
 * Each check takes a screenshot (test-results/); `UPDATE_DOCS_SCREENSHOTS=1` copies them to
 * docs/screenshots/, where the README shows them.
 */

const THEMES = ["light", "dark"] as const;
const WIDTHS = [1440, 390] as const;
const HEIGHT = { 1440: 900, 390: 844 } as const;

/** An answer with what a real one holds: headings, a list, a table, code, math, a link. */
const RICH_PROMPT = ["Compare two ways to read a file in Python.", "#emulator math=1"].join("\n");

async function setTheme(page: Page, theme: "light" | "dark" | "system") {
  await page
    .context()
    .addCookies([
      { name: "playground-theme", value: theme, url: page.url() || "http://127.0.0.1" },
    ]);
}

async function freshPage(page: Page, theme: "light" | "dark") {
  await page.goto("/");
  await setTheme(page, theme);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
}

for (const theme of THEMES) {
  for (const width of WIDTHS) {
    test(`the chat in the ${theme} theme at ${width} px: readable, in theme, no sideways scroll`, async ({
      page,
    }, info) => {
      await page.setViewportSize({ width, height: HEIGHT[width] });
      await freshPage(page, theme);
      const ui = chat(page);
      await ui.send(RICH_PROMPT);
      await ui.waitUntilIdle();
      await expect(ui.lastAnswer.locator(".katex").first()).toBeVisible();
      await expect(ui.lastAnswer.locator("pre").first()).toBeVisible();

      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
      const conversation = page.getByRole("region", { name: "Conversation" });
      const box = await conversation.boundingBox();
      const panel = page.getByRole("complementary", { name: "Settings" });
      if (width === 390) {
        // The conversation has the width, all but its padding: the settings are a closed
        // drawer, not beside it (beside it, they took all but about 50 px).
        expect(box?.width ?? 0).toBeGreaterThan(330);
        await expect(panel).toBeHidden();
      } else {
        const beside = await panel.boundingBox();
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual((beside?.x ?? 0) + 1);
      }

      expect(await auditTheme(page.locator("body"), theme)).toEqual([]);

      const file = info.outputPath(`chat-${theme}-${width}.png`);
      await page.screenshot({ path: file });
      if (process.env.UPDATE_DOCS_SCREENSHOTS === "1") {
        mkdirSync("docs/screenshots", { recursive: true });
        copyFileSync(file, join("docs/screenshots", `chat-${theme}-${width}.png`));
      }
    });
  }
}

test("the dark theme reaches the settings, their dialogs and the JSON editor", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await freshPage(page, "dark");
  for (const section of ["Thinking", "Tools", "Advanced settings"]) {
    const toggle = page.getByRole("button", { name: section, exact: true });
    if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
  }
  expect(await auditTheme(page.locator("#settings-panel"), "dark")).toEqual([]);

  await page.getByRole("switch", { name: "Structured output", exact: true }).click();
  const dialog = page.getByRole("dialog");
  const schema = page.getByRole("textbox", { name: "Response schema" });
  await expect(schema).toBeVisible();
  await schema.pressSequentially('{"type": "object", "properties": {"n": {"type": "number"}}}');
  expect(await auditTheme(dialog, "dark")).toEqual([]);
});

test("the theme follows the system until a choice is made, and the choice survives a reload", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  const background = () =>
    page.evaluate(() => getComputedStyle(document.body).backgroundColor.replace(/\s/g, ""));
  const toggle = page.getByRole("button", { name: /^Theme:/ });
  await expect(toggle).toHaveAccessibleName("Theme: System");
  expect(await background()).toBe("rgb(19,19,20)");

  await page.emulateMedia({ colorScheme: "light" });
  expect(await background()).toBe("rgb(255,255,255)");

  await toggle.click();
  await expect(toggle).toHaveAccessibleName("Theme: Light");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background()).toBe("rgb(255,255,255)");

  await toggle.click();
  await expect(toggle).toHaveAccessibleName("Theme: Dark");
  expect(await background()).toBe("rgb(19,19,20)");
  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
  await expect(toggle).toHaveAccessibleName("Theme: Dark");
  // Rendered dark by the server: no light frame before scripts run.
  expect(await background()).toBe("rgb(19,19,20)");

  await toggle.click();
  await expect(toggle).toHaveAccessibleName("Theme: System");
  expect(await background()).toBe("rgb(255,255,255)");
});

test("on a phone the run settings are a drawer that opens, works and closes", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const panel = page.getByRole("complementary", { name: "Settings" });
  await expect(panel).toBeHidden();
  const open = page.getByRole("button", { name: "Run settings", exact: true });
  await expect(open).toHaveAttribute("aria-expanded", "false");

  await open.click();
  await expect(panel).toBeVisible();
  await expect(open).toHaveAttribute("aria-expanded", "true");
  const box = await panel.boundingBox();
  expect(box?.width ?? 0).toBeLessThanOrEqual(390);
  await expect(page.getByRole("button", { name: "Close run settings" })).toBeFocused();
  // A setting changed in the drawer is the one the next run sends.
  await page.getByLabel("Temperature").first().fill("0.4");
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(open).toBeFocused();

  await open.click();
  await expect(page.getByLabel("Temperature").first()).toHaveValue("0.4");
  await page.getByRole("button", { name: "Close run settings" }).click();
  await expect(panel).toBeHidden();

  // Wide again, the column is back where it was.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(panel).toBeVisible();
  await expect(page.getByRole("button", { name: "Settings panel" })).toBeVisible();
});
