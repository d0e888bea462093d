import { expect, type Page, test } from "@playwright/test";
import { chat } from "./support/chat";
import { ownServer } from "./support/own-server";
import { PORTS } from "./support/ports";
import { EMULATOR_URL, emulatorRequests, uniqueMarker } from "./support/servers";

/**
 * "Run in background": a run through the Interactions API that goes on without the page. It
 * survives the tab closing and the server restarting, and the page that comes back shows it
 * whole; Stop cancels it at Google. The server here talks to the standalone emulator, which keeps
 * the interaction while the app server is down, as Google would.
 */
const backgroundSwitch = (page: Page) => page.getByRole("switch", { name: "Run in background" });

async function chooseBackground(page: Page) {
  // The saved draft is read (its model shows) before a setting changes.
  await expect(chat(page).model).not.toHaveValue("");
  await expect(backgroundSwitch(page)).toBeDisabled();
  await page.getByRole("combobox", { name: "API" }).selectOption({ label: "Interactions API" });
  await backgroundSwitch(page).click();
  await expect(backgroundSwitch(page)).toBeChecked();
}

/** The emulator's answer runs for about `seconds`: 10 tokens of 4 characters every 1/10 s. */
const slowPrompt = (marker: string, seconds: number) =>
  `Write at length ${marker}\n#emulator tokens=${seconds * 100} chunk=10 rate=100/s`;

test("a background run survives the tab closing and the server restarting, and completes", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const server = ownServer(PORTS.gated + 11, {
    GEMINI_API_KEY: `AIzaBackground${"x".repeat(25)}`,
    GEMINI_BASE_URL: EMULATOR_URL,
    PLAYGROUND_BACKGROUND_LEASE_SECONDS: "2",
  });
  await server.start();
  try {
    const context = await browser.newContext({ baseURL: server.url });
    let page = await context.newPage();
    await page.goto("/");
    await chooseBackground(page);
    const marker = uniqueMarker("background");
    // Long enough to be running still when the server is back (a few seconds) and the page too.
    await chat(page).send(slowPrompt(marker, 15));
    await expect(chat(page).lastAnswer).toContainText("Emulated answer");
    await page.close();

    // The app server goes away mid-run, without a word, and comes back.
    await server.kill();
    await server.start();

    page = await context.newPage();
    await page.goto("/");
    const ui = chat(page);
    // Still running: the page reads what it missed, then follows it to the end.
    await expect(ui.stop).toBeVisible();
    await ui.waitUntilIdle();
    await expect(ui.answers).toHaveCount(1);
    // Whole: the emulator's 1,500 tokens (about 4 characters each), nothing lost at the restart.
    expect((await ui.lastAnswer.textContent())?.length).toBeGreaterThan(5000);
    const requests = (await emulatorRequests()).filter((r) => r.path.includes("/interactions"));
    expect(requests.some((r) => r.promptExcerpt?.includes(marker))).toBe(true);

    // Kept in the history by the server, with nobody's page open when it ended.
    await page.goto("/history");
    await expect(page.getByRole("main")).toContainText(marker);
  } finally {
    await server.kill();
  }
});

test("Stop cancels a background run at Google, and it stays stopped after a reload", async ({
  page,
}) => {
  await page.goto("/");
  await chooseBackground(page);
  const marker = uniqueMarker("cancel");
  await chat(page).send(slowPrompt(marker, 8));
  await expect(chat(page).lastAnswer).toContainText("Emulated answer");
  // Said in full, not cut to "Running…" beside the buttons: the person may close the tab.
  const status = chat(page).status;
  await expect(status).toHaveText("Running in background…");
  expect(await status.evaluate((line) => line.scrollWidth <= line.clientWidth)).toBe(true);
  await chat(page).stop.click();
  await expect
    .poll(async () => (await emulatorRequests()).some((r) => r.path.endsWith("/cancel")))
    .toBe(true);
  await page.reload();
  await expect(chat(page).answers).toHaveCount(1);
  await expect(chat(page).stop).toBeHidden();
});

test("Deep Research runs in the background from the model list, its research shown as sources", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto("/");
  await expect(chat(page).model).not.toHaveValue("");
  await chat(page).model.selectOption("deep-research-preview-04-2026");
  // An agent: the Interactions API, in the background, set with it.
  await expect(page.getByRole("combobox", { name: "API" })).toHaveValue("interactions");
  await expect(backgroundSwitch(page)).toBeChecked();
  await chat(page).send(`How do tides work? ${uniqueMarker("research")}`);
  await chat(page).waitUntilIdle();
  const sources = chat(page).lastAnswer.getByRole("list", { name: "Sources" });
  await expect(sources.getByRole("listitem").first()).toBeVisible();
  await expect(chat(page).alert).toHaveCount(0);
});

test("a background run is found from another browser in History, and followed there to its end", async ({
  browser,
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto("/");
  await chooseBackground(page);
  const marker = uniqueMarker("elsewhere");
  await chat(page).send(slowPrompt(marker, 12));
  await expect(chat(page).lastAnswer).toContainText("Emulated answer");
  await page.close();

  // Another browser: nothing of the first one's storage, the same person.
  const elsewhere = await (await browser.newContext()).newPage();
  await elsewhere.goto("/history");
  const running = elsewhere.getByRole("list", { name: "Running in the background" });
  await running.getByRole("link", { name: new RegExp(marker) }).click();
  await expect(elsewhere).toHaveURL(/\/background\//);
  const ui = chat(elsewhere);
  await expect(ui.stop).toBeVisible();
  await ui.waitUntilIdle();
  await expect(ui.answers).toHaveCount(1);
  expect((await ui.lastAnswer.textContent())?.length).toBeGreaterThan(2000);
  // Ended: kept among the runs, no longer listed as running.
  await elsewhere.goto("/history");
  await expect(elsewhere.getByRole("list", { name: "Running in the background" })).toHaveCount(0);
  await expect(elsewhere.getByRole("list", { name: "Runs" })).toContainText(marker);
});

test("compare columns running in the background are read again after a reload, each to its end", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto("/");
  await chooseBackground(page);
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await page.waitForURL("**/compare");
  const prompt = page.getByRole("textbox", { name: "Prompt" });
  await prompt.fill(slowPrompt(uniqueMarker("columns"), 8));
  await prompt.press("Control+Enter");
  const first = page.getByRole("region", { name: "Column 1", exact: true });
  const second = page.getByRole("region", { name: "Column 2", exact: true });
  await expect(first).toContainText("Emulated answer");
  await page.reload();
  // Both go on after the reload and end whole, neither stopped by it.
  await expect(page.getByRole("button", { name: "Stop all" })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Run all" })).toBeEnabled({ timeout: 30_000 });
  for (const column of [first, second]) {
    expect((await column.textContent())?.length).toBeGreaterThan(3000);
    await expect(column).not.toContainText("Stopped");
  }
});

test("with Keep history at Google a follow-up goes on from the stored conversation", async ({
  page,
}) => {
  await page.goto("/");
  await expect(chat(page).model).not.toHaveValue("");
  const keep = page.getByRole("switch", { name: "Keep history at Google" });
  await expect(keep).toBeDisabled();
  await page.getByRole("combobox", { name: "API" }).selectOption({ label: "Interactions API" });
  await keep.click();
  await expect(keep).toBeChecked();
  const ui = chat(page);
  await ui.send(`Name a river. ${uniqueMarker("kept")}`);
  await ui.waitUntilIdle();
  await ui.send("And a mountain?");
  await ui.waitUntilIdle();
  // The model read the whole conversation, the first exchange from Google's own copy.
  await expect(ui.lastAnswer).toContainText("Turns: 3");
  await expect(ui.alert).toHaveCount(0);
  // Another door cannot keep it: the switch goes off with it.
  await page.getByRole("combobox", { name: "API" }).selectOption({ label: "Gemini API" });
  await expect(keep).not.toBeChecked();
  await expect(keep).toBeDisabled();
});
