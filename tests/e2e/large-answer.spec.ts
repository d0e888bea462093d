import { expect, type Locator, type Page, test } from "@playwright/test";
import { type CorpusName, corpusText } from "@/lib/emulator/native/corpus";
import { chat } from "./support/chat";

/**
 * Answers with a block too long to format on every update (a 200,000-character line, a long
 * JSON line inside prose) show that block as its exact source text while it streams and after,
 * and nothing the model sent is lost or changed in what the person copies.
 */
test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

/** About 5 s of streaming: long enough to see the block arrive, short enough for a test. */
async function streamCorpus(page: Page, name: CorpusName, chunks = 25) {
  const tokens = Math.ceil(corpusText(name).length / 4 / chunks);
  await chat(page).send(`Stream.\n#emulator corpus=${name} rate=${tokens * 5}/s chunk=${tokens}`);
}

async function copyWholeTurn(page: Page, answer: Locator): Promise<string> {
  await answer.hover();
  await answer.getByRole("button", { name: "Copy", exact: true }).click();
  return page.evaluate(() => navigator.clipboard.readText());
}

test("a 200,000-character line streams as plain text, copies exactly, and formats on request", async ({
  page,
}) => {
  const text = corpusText("line");
  await page.goto("/");
  const ui = chat(page);
  await streamCorpus(page, "line");
  await expect(ui.lastAnswer.getByText(/shown as plain text while it arrives/)).toBeVisible();
  await ui.waitUntilIdle();

  const block = ui.lastAnswer.getByRole("figure");
  await expect(block).toContainText("Long block (200,000 characters), shown as plain text");
  expect(await copyWholeTurn(page, ui.lastAnswer)).toBe(text);

  // A selection inside the block is cut across boxes of 4 KiB; the copy is still the source.
  const selected = await block.evaluate((figure) => {
    const box = figure.querySelector("figcaption + div") as HTMLElement;
    const range = document.createRange();
    range.selectNodeContents(box);
    const selection = window.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    document.execCommand("copy");
    return navigator.clipboard.readText();
  });
  expect(selected).toBe(text);

  await block.getByRole("button", { name: "Show formatted" }).click();
  await expect(ui.lastAnswer.getByRole("figure")).toHaveCount(0);
  await expect(ui.lastAnswer).toContainText(text.slice(0, 200));
});

test("an answer mixing prose, code, tables and a long JSON line keeps its formatting and every character", async ({
  page,
}) => {
  const text = corpusText("mixed");
  await page.goto("/");
  const ui = chat(page);
  await streamCorpus(page, "mixed");
  await ui.waitUntilIdle();
  const answer = ui.lastAnswer;
  // The ordinary blocks are formatted...
  await expect(answer.locator("table").first()).toBeVisible();
  await expect(answer.locator("pre code").first()).toBeVisible();
  // ...and only the long JSON line is plain text.
  await expect(answer.getByRole("figure")).toHaveCount(1);
  await expect(answer.getByRole("figure")).toContainText(/Long block \([\d,]+ characters\)/);
  expect(await copyWholeTurn(page, answer)).toBe(text);
});

test("what has settled in a streaming answer is drawn once: its formulas keep their nodes to the end", async ({
  page,
}) => {
  await page.goto("/");
  const ui = chat(page);
  // The first formula on the page, marked the moment it is drawn: if a later update drew it
  // again (a new node), the mark would be gone.
  await page.evaluate(() => {
    new MutationObserver((_, observer) => {
      const first = document.querySelector('article[aria-label^="Model turn"] .katex');
      if (!first) return;
      (first as HTMLElement).dataset.firstDrawn = "yes";
      observer.disconnect();
    }).observe(document.body, { childList: true, subtree: true });
  });
  // 40 chunks of about 1,000 characters: the first pieces settle after the second or third.
  await streamCorpus(page, "math", 40);
  await ui.waitUntilIdle();
  const first = ui.lastAnswer.locator(".katex").first();
  await expect(first).toHaveAttribute("data-first-drawn", "yes");
  // Every displayed formula the model sent is there, once.
  const displays = (corpusText("math").match(/^\$\$$/gm) ?? []).length / 2;
  await expect(ui.lastAnswer.locator(".katex-display")).toHaveCount(displays);
});

test("a thousand-row table formats on request as one table, every row in order, and copies whole", async ({
  page,
}) => {
  await page.goto("/");
  const ui = chat(page);
  await streamCorpus(page, "table");
  await ui.waitUntilIdle();
  await ui.lastAnswer.getByRole("figure").getByRole("button", { name: "Show formatted" }).click();

  // Its rows are drawn in groups, but as one table with one header.
  const table = ui.lastAnswer.locator("table");
  await expect(table).toHaveCount(1);
  await expect(table.locator("thead tr")).toHaveCount(1);
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(1_000);
  const firstCells = await rows.evaluateAll((trs) =>
    trs.map((tr) => tr.querySelector("td")?.textContent?.trim()),
  );
  expect(firstCells).toEqual(Array.from({ length: 1_000 }, (_, i) => String(i + 1)));
  await expect(rows.nth(999).locator("td").nth(3)).toContainText("/1000");
  // The alignment of the delimiter row holds in every group.
  expect(
    await rows
      .nth(999)
      .locator("td")
      .first()
      .evaluate((td) => getComputedStyle(td).textAlign),
  ).toBe("right");

  await ui.lastAnswer.getByRole("button", { name: "Copy table", exact: true }).click();
  await ui.lastAnswer.getByRole("button", { name: "Markdown", exact: true }).click();
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).trim().split("\n");
  expect(copied).toHaveLength(1_002);
  expect(copied.at(-1)).toMatch(/^\| 1000 \|/);
});
