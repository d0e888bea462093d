import { expect, test } from "@playwright/test";
import { chat } from "./support/chat";

/** Model output is untrusted: it renders as rich text, and nothing in it can run. */

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

type PwnedWindow = { __pwned?: unknown };

test("hostile markdown stays inert: no script runs, no frame, no javascript: or data: link", async ({
  page,
}) => {
  const ui = chat(page);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await ui.send("Render this for me\n#emulator hostile=1");
  await ui.waitUntilIdle();
  const answer = ui.lastAnswer;
  await expect(answer).toContainText("Rendering check: hostile markdown");
  await expect(answer.getByRole("link", { name: "a normal link" })).toBeVisible();

  expect(await page.evaluate(() => (window as PwnedWindow).__pwned)).toBeUndefined();
  await expect(answer.locator("script")).toHaveCount(0);
  await expect(answer.locator("iframe")).toHaveCount(0);
  await expect(answer.locator("object, embed, form")).toHaveCount(0);

  const hrefs = await answer
    .locator("a[href]")
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(new URL(href).protocol).toMatch(/^(https?|mailto):$/);
  await expect(answer.locator('a[href^="javascript:" i], a[href^="data:" i]')).toHaveCount(0);

  // No element carries an inline event handler (onerror=… on the image, for one).
  const handlers = await answer
    .locator("*")
    .evaluateAll((elements) =>
      elements
        .flatMap((el) => [...el.attributes].map((a) => a.name))
        .filter((n) => n.startsWith("on")),
    );
  expect(handlers).toEqual([]);
  const imageSources = await answer
    .locator("img")
    .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).src));
  for (const src of imageSources) expect(src).toMatch(/^https?:/);

  // The link texts that pointed at script are still there, as inert text.
  await expect(answer).toContainText("click me");
  await expect(answer).toContainText("data link");
  await expect(answer.getByRole("link", { name: "click me" })).toHaveCount(0);
  await expect(answer.getByRole("link", { name: "data link" })).toHaveCount(0);
  await expect(answer.getByRole("link", { name: "raw link" })).toHaveCount(0);

  // Clicking what remains does nothing harmful: no navigation, no new window, no dialog.
  const url = page.url();
  for (const text of ["click me", "data link", "raw link"]) {
    await answer.getByText(text).first().click();
  }
  // The one safe link is a real link, but leaves nothing for the page it opens to reach back to.
  const safe = answer.getByRole("link", { name: "a normal link" });
  await expect(safe).toHaveAttribute("href", "https://example.com/emulator/safe-link");
  await expect(safe).toHaveAttribute("target", "_blank");
  await expect(safe).toHaveAttribute("rel", /\bnoopener\b.*\bnoreferrer\b/);
  expect(page.url()).toBe(url);
  expect(page.context().pages()).toHaveLength(1);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as PwnedWindow).__pwned)).toBeUndefined();
});

test("math renders with KaTeX, inline and display", async ({ page }) => {
  const ui = chat(page);
  await ui.send("Some formulas\n#emulator math=1");
  await ui.waitUntilIdle();
  const answer = ui.lastAnswer;
  await expect(answer.locator(".katex").first()).toBeVisible();
  await expect(answer.locator(".katex-display")).toHaveCount(1);
  expect(await answer.locator(".katex").count()).toBeGreaterThanOrEqual(2);
  // KaTeX's stylesheet is loaded: its hidden MathML copy is visually hidden, not shown twice.
  const mathml = answer.locator(".katex-mathml").first();
  await expect(mathml).toHaveCSS("position", "absolute");
  await expect(answer).not.toContainText("$$");
});

test("code blocks are highlighted and can be copied; tables render", async ({ page }) => {
  const ui = chat(page);
  await ui.send("Show me some code");
  await ui.waitUntilIdle();
  const answer = ui.lastAnswer;
  const code = answer.locator("pre code").first();
  await expect(code).toContainText("export function summarize");
  // Shiki wraps tokens in spans with their own colours; plain text would have none.
  await expect
    .poll(() =>
      code
        .locator("span")
        .evaluateAll(
          (spans) => new Set(spans.map((s) => getComputedStyle(s).color).filter(Boolean)).size,
        ),
    )
    .toBeGreaterThan(2);
  await expect(answer.getByRole("button", { name: /copy code/i }).first()).toBeVisible();
  await expect(answer.getByRole("table").first()).toBeVisible();
});
