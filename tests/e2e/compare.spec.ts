import { expect, type Page, test } from "@playwright/test";
import { chat } from "./support/chat";
import { openWithDraft } from "./support/saved-draft";
import { emulatorRequests, uniqueMarker } from "./support/servers";

/** The compare page as a person sees it, by role and accessible name. */
function compare(page: Page) {
  const column = (n: number) => page.getByRole("region", { name: `Column ${n}`, exact: true });
  return {
    column,
    model: (n: number) => column(n).getByRole("combobox", { name: "Model" }),
    answers: (n: number) => column(n).getByRole("article", { name: "Answer" }),
    stop: (n: number) => column(n).getByRole("button", { name: "Stop", exact: true }),
    rerun: (n: number) => column(n).getByRole("button", { name: "Rerun", exact: true }),
    prompt: page.getByRole("textbox", { name: "Prompt" }),
    addColumn: page.getByRole("button", { name: "Add column" }),
    runAll: page.getByRole("button", { name: "Run all" }),
    stopAll: page.getByRole("button", { name: "Stop all" }),
    async send(text: string) {
      await this.prompt.fill(text);
      await this.prompt.press("Control+Enter");
    },
    async waitUntilIdle() {
      await expect(page.getByRole("button", { name: "Run all" })).toBeEnabled({ timeout: 20_000 });
    },
  };
}

/** From a fresh chat, by its Compare button. */
async function openCompare(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await page.waitForURL("**/compare");
  const ui = compare(page);
  await expect(ui.column(2)).toBeVisible();
  return ui;
}

/** The prompt documents the page sent to /api/run (the worker sends them; Playwright sees it). */
function recordRuns(page: Page) {
  const sent: { model: string; config: Record<string, unknown>; contents: unknown[] }[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/run")) {
      sent.push(JSON.parse(request.postData() ?? "{}"));
    }
  });
  return sent;
}

test("three columns with different models run at once, each with its figures", async ({ page }) => {
  const ui = await openCompare(page);
  await ui.addColumn.click();
  await ui.model(1).selectOption("gemini-2.5-flash");
  await ui.model(2).selectOption("gemini-2.5-pro");
  await ui.model(3).selectOption("gemini-2.5-flash-lite");
  const marker = uniqueMarker("three");
  await ui.send(`${marker}\n#emulator tokens=300 rate=300/s`);
  await ui.waitUntilIdle();

  for (const [n, model] of [
    [1, "gemini-2.5-flash"],
    [2, "gemini-2.5-pro"],
    [3, "gemini-2.5-flash-lite"],
  ] as const) {
    await expect(ui.answers(n)).toContainText(`Emulated answer from ${model}`);
    await expect(ui.column(n).getByLabel("Metrics")).toContainText("TTFT");
  }
  // Some figure is best somewhere, and it says so.
  await expect(page.getByText("(best)").first()).toBeVisible();

  // The emulator saw three requests, each under way before any had ended.
  const runs = (await emulatorRequests()).filter(
    (e) => e.promptExcerpt?.includes(marker) && !e.path.endsWith(":countTokens"),
  );
  expect(runs.map((r) => r.model).sort()).toEqual([
    "gemini-2.5-flash",
    "gemini-2.5-flash-lite",
    "gemini-2.5-pro",
  ]);
  const lastStart = Math.max(...runs.map((r) => r.startedAt));
  const firstEnd = Math.min(...runs.map((r) => r.endedAt ?? Number.POSITIVE_INFINITY));
  expect(lastStart).toBeLessThan(firstEnd);
});

test("answers streaming in several columns at once grow as they stream, not only at the end", async ({
  page,
}) => {
  const ui = await openCompare(page);
  await ui.addColumn.click();
  // Each frame, how much of each column's answer is on screen: every new length is an update
  // the person saw. Words held back while the page draws must still come many times a second.
  await page.evaluate(() => {
    const seen: Set<number>[] = [new Set(), new Set(), new Set()];
    Object.assign(window, { __lengthsSeen: seen });
    const look = () => {
      seen.forEach((lengths, i) => {
        const column = document.querySelector(`section[aria-label="Column ${i + 1}"]`);
        const answer = column?.querySelector('article[aria-label="Answer"]');
        if (answer) lengths.add(answer.textContent?.length ?? 0);
      });
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  // About four seconds of words, twenty times a second, in each column.
  await ui.send(`${uniqueMarker("growing")}\n#emulator tokens=400 rate=100/s`);
  await ui.waitUntilIdle();
  const counts = await page.evaluate(() =>
    (window as unknown as { __lengthsSeen: Set<number>[] }).__lengthsSeen.map((s) => s.size),
  );
  for (const count of counts) expect(count).toBeGreaterThanOrEqual(10);
});

test("a quota error in one column stays in that column, with its wait; the others finish", async ({
  page,
}) => {
  const ui = await openCompare(page);
  await ui.model(1).selectOption("gemini-2.5-flash");
  await ui.model(2).selectOption("gemini-2.5-pro");
  await ui.send(
    "Quota test\n#emulator tokens=200\n#emulator model=gemini-2.5-pro error=429 retryDelay=30s",
  );
  await ui.waitUntilIdle();
  await expect(ui.answers(1)).toContainText("Emulated answer from gemini-2.5-flash");
  await expect(ui.column(1).getByRole("alert")).toHaveCount(0);
  const alert = ui.column(2).getByRole("alert");
  await expect(alert).toContainText(/quota|429/i);
  await expect(alert).toContainText(/Rerun in \d+ s/);
  await expect(ui.answers(2)).toHaveCount(0);
});

test("a blocked prompt and a safety stop each say why in their own column", async ({ page }) => {
  const ui = await openCompare(page);
  await ui.addColumn.click();
  await ui.model(1).selectOption("gemini-2.5-flash");
  await ui.model(2).selectOption("gemini-2.5-pro");
  await ui.model(3).selectOption("gemini-2.5-flash-lite");
  await ui.send(
    [
      `${uniqueMarker("refusals")}`,
      "#emulator model=gemini-2.5-pro block=PROHIBITED_CONTENT",
      "#emulator model=gemini-2.5-flash-lite tokens=300 safetyAfter=3",
    ].join("\n"),
  );
  await ui.waitUntilIdle();
  await expect(ui.answers(1)).toContainText("Emulated answer from gemini-2.5-flash");
  await expect(ui.column(1).getByRole("alert")).toHaveCount(0);
  await expect(ui.column(2).getByRole("alert")).toContainText(/blocked/i);
  await expect(ui.column(2).getByRole("alert")).toContainText("PROHIBITED_CONTENT");
  await expect(ui.answers(2)).toHaveCount(0);
  // What arrived before the stop stays, with why it ended there.
  await expect(ui.answers(3)).toContainText("Emulated answer");
  await expect(ui.column(3).getByRole("alert")).toContainText(/safety/i);

  // Reloaded, each column still says why.
  await page.reload();
  await expect(ui.column(2).getByRole("alert")).toContainText("PROHIBITED_CONTENT");
  await expect(ui.answers(3)).toContainText("Emulated answer");
  await expect(ui.column(3).getByRole("alert")).toContainText(/safety/i);
  await expect(ui.column(1).getByRole("alert")).toHaveCount(0);
});

test("Stop in one column ends only that column's request upstream", async ({ page }) => {
  const ui = await openCompare(page);
  await ui.model(1).selectOption("gemini-2.5-flash");
  await ui.model(2).selectOption("gemini-2.5-pro");
  const marker = uniqueMarker("stop");
  await ui.send(`${marker}\n#emulator tokens=4000 rate=200/s`);
  await expect(ui.answers(1)).toBeVisible();
  await expect(ui.answers(2)).toBeVisible();
  await ui.stop(1).click();
  await expect(ui.stop(1)).toBeDisabled();

  const upstream = async (model: string) =>
    (await emulatorRequests()).find(
      (e) =>
        e.promptExcerpt?.includes(marker) && e.model === model && !e.path.endsWith(":countTokens"),
    );
  await expect
    .poll(async () => (await upstream("gemini-2.5-flash"))?.outcome)
    .toBe("client_closed");
  // Still streaming: the emulator has not ended it.
  expect((await upstream("gemini-2.5-pro"))?.endedAt ?? null).toBeNull();
  await expect(ui.stop(2)).toBeEnabled();

  await ui.stopAll.click();
  await expect.poll(async () => (await upstream("gemini-2.5-pro"))?.outcome).toBe("client_closed");
  // What arrived before Stop is kept in each column.
  await expect(ui.answers(1)).toContainText("Emulated answer");
});

test("a follow-up continues each column's own conversation", async ({ page }) => {
  const sent = recordRuns(page);
  const ui = await openCompare(page);
  await ui.model(1).selectOption("gemini-2.5-flash");
  await ui.model(2).selectOption("gemini-2.5-pro");
  await ui.send("First question");
  await ui.waitUntilIdle();
  await ui.send("Second question");
  await ui.waitUntilIdle();

  for (const [n, model] of [
    [1, "gemini-2.5-flash"],
    [2, "gemini-2.5-pro"],
  ] as const) {
    await expect(ui.answers(n)).toHaveCount(2);
    // The emulator counts the turns it received: the question, this column's answer, the follow-up.
    await expect(ui.answers(n).last()).toContainText("Turns: 3");
    const followUp = sent.filter((doc) => doc.model === model).at(-1);
    const answer = JSON.stringify(followUp?.contents[1]);
    expect(answer).toContain(`Emulated answer from ${model}`);
  }
});

test("a quick setup puts one model at three temperatures, or three models on one setting, in two clicks", async ({
  page,
}) => {
  const ui = await openCompare(page);
  const shared = await ui.model(1).inputValue();
  const quick = page.getByRole("combobox", { name: "Quick setup" });
  await quick.selectOption("Same model, three temperatures");
  await expect(ui.column(3)).toBeVisible();
  const sent = recordRuns(page);
  await ui.send(`${uniqueMarker("temperatures")}\n#emulator tokens=200`);
  await ui.waitUntilIdle();
  expect(sent.map((doc) => doc.model)).toEqual([shared, shared, shared]);
  const temperatures = sent.map((doc) => doc.config.temperature as number);
  expect(new Set(temperatures).size).toBe(3);
  expect(temperatures).toEqual([...temperatures].sort((a, b) => a - b));
  for (const [i, t] of temperatures.entries()) {
    await expect(ui.answers(i + 1)).toContainText(`Temperature: ${t}`);
  }

  await quick.selectOption("Three models, same settings");
  const models = await Promise.all([1, 2, 3].map((n) => ui.model(n).inputValue()));
  expect(models[0]).toBe(shared);
  expect(new Set(models).size).toBe(3);
  // The temperatures went with the models' own settings: every column is on the shared ones.
  for (const n of [1, 2, 3]) {
    await expect(ui.column(n).getByText("Shared settings")).toBeVisible();
  }
});

test("a column's own temperature reaches Gemini for that column only, and survives a reload", async ({
  page,
}) => {
  const sent = recordRuns(page);
  const ui = await openCompare(page);
  await ui.model(1).selectOption("gemini-2.5-flash");
  await ui.model(2).selectOption("gemini-2.5-flash");
  await ui.column(2).getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Column 2 settings" });
  await dialog.getByLabel("Temperature").fill("0.3");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(ui.column(2).getByRole("list", { name: "Own settings" })).toContainText(
    "Temperature: 0.3",
  );
  await expect(ui.column(1).getByText("Shared settings")).toBeVisible();

  await ui.send("Temperatures");
  await ui.waitUntilIdle();
  await expect(ui.answers(2)).toContainText("Temperature: 0.3");
  await expect(ui.answers(1)).toContainText("Temperature: default");
  expect(sent.map((doc) => doc.config.temperature).sort()).toEqual([0.3, undefined]);

  await page.reload();
  await expect(ui.column(2).getByRole("list", { name: "Own settings" })).toContainText(
    "Temperature: 0.3",
  );
  await expect(ui.model(2)).toHaveValue("gemini-2.5-flash");
  await expect(ui.answers(2)).toContainText("Temperature: 0.3");
  await expect(ui.column(2).getByLabel("Metrics")).toContainText("TTFT");

  // Reset puts the shared value back.
  await ui.column(2).getByRole("button", { name: "Reset Temperature to the shared value" }).click();
  await expect(ui.column(2).getByText("Shared settings")).toBeVisible();
});

test("a column whose model called a function asks for the result in place, continues alone, and holds back a follow-up", async ({
  page,
}) => {
  const weather = {
    name: "get_weather",
    description: "Current weather for a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  };
  await openWithDraft(page, { tools: { functionDeclarations: [weather] } });
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await page.waitForURL("**/compare");
  const ui = compare(page);
  await ui.model(1).selectOption("gemini-2.5-flash");
  await ui.model(2).selectOption("gemini-2.5-pro");
  await ui.send(`${uniqueMarker("calls")} What's the weather in Oslo?`);
  await ui.waitUntilIdle();

  const form = (n: number) => ui.column(n).getByRole("form", { name: "Function responses" });
  await expect(
    ui.answers(1).getByRole("group", { name: "Function call get_weather" }),
  ).toBeVisible();
  await expect(form(1)).toBeVisible();
  await expect(form(2)).toBeVisible();
  const sent = recordRuns(page);
  await form(1).getByRole("textbox", { name: "Response to get_weather" }).fill('{"sky": "clear"}');
  await form(1).getByRole("button", { name: "Send responses" }).click();
  await ui.waitUntilIdle();

  await expect(form(1)).toBeHidden();
  await expect(ui.answers(1).last()).toContainText('get_weather returned {"sky":"clear"}');
  // Only the column answered ran; the other still waits for its own result.
  expect(sent.map((doc) => doc.model)).toEqual(["gemini-2.5-flash"]);
  await expect(form(2)).toBeVisible();
  await expect(ui.answers(2)).toHaveCount(1);

  // A follow-up cannot go to a column whose calls wait: the page says which, and holds it back.
  const waiting = page
    .getByRole("status")
    .filter({ hasText: "Column 2 waits for function results" });
  await expect(waiting).toBeVisible();
  await ui.prompt.fill("And tomorrow?");
  await expect(ui.runAll).toBeDisabled();
  await ui.prompt.press("Control+Enter");
  await expect(ui.prompt).toHaveValue("And tomorrow?");
  expect(sent).toHaveLength(1);

  await form(2).getByRole("textbox", { name: "Response to get_weather" }).fill('{"sky": "rain"}');
  await form(2).getByRole("button", { name: "Send responses" }).click();
  await expect(waiting).toBeHidden();
  await expect(ui.answers(2).last()).toContainText('get_weather returned {"sky":"rain"}');
  await ui.runAll.click();
  await ui.waitUntilIdle();
  const followUps = sent.slice(2);
  expect(followUps.map((doc) => doc.model).sort()).toEqual(["gemini-2.5-flash", "gemini-2.5-pro"]);
  for (const doc of followUps)
    expect(JSON.stringify(doc.contents.at(-1))).toContain("And tomorrow?");
  await expect(ui.prompt).toHaveValue("");
});

test("a column with its own copy of the conversation runs it edited and without an attachment", async ({
  page,
}) => {
  const gone = { kind: "media" as const, sha256: "ef".repeat(32), mimeType: "image/png" };
  await openWithDraft(page, {
    contents: [
      {
        role: "user",
        parts: [
          { kind: "text", text: "What is in this picture?" },
          { ...gone, name: "chart.png" },
        ],
      },
    ],
  });
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await page.waitForURL("**/compare");
  const ui = compare(page);
  await ui.model(1).selectOption("gemini-2.5-flash");
  await ui.model(2).selectOption("gemini-2.5-pro");

  await ui.column(2).getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Column 2 settings" });
  await dialog.getByRole("switch", { name: "Own conversation" }).click();
  const marker = uniqueMarker("own");
  await dialog
    .getByRole("textbox", { name: "Turn 1, user text" })
    .fill(`${marker} Describe a sales chart.`);
  await dialog.getByRole("button", { name: "Remove chart.png from this column" }).click();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(ui.column(2).getByRole("list", { name: "Own settings" })).toContainText(
    "Conversation: own",
  );

  const sent = recordRuns(page);
  await ui.runAll.click();
  await ui.waitUntilIdle();
  // The shared conversation still holds the picture the server no longer has: column 1 says so.
  await expect(ui.column(1).getByRole("alert")).toContainText("chart.png");
  await expect(ui.answers(2)).toContainText("Emulated answer from gemini-2.5-pro");
  await expect(ui.answers(2)).toContainText(marker);
  const own = sent.find((doc) => doc.model === "gemini-2.5-pro");
  expect(JSON.stringify(own?.contents)).not.toContain('"media"');
  expect(JSON.stringify(sent.find((doc) => doc.model === "gemini-2.5-flash")?.contents)).toContain(
    "chart.png",
  );
});

test("Continue in chat makes a column's conversation the chat", async ({ page }) => {
  const ui = await openCompare(page);
  await ui.model(1).selectOption("gemini-2.5-flash");
  await ui.model(2).selectOption("gemini-2.5-pro");
  await ui.send("Carry me over");
  await ui.waitUntilIdle();
  await ui.column(2).getByRole("button", { name: "Continue in chat" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  const c = chat(page);
  await expect(c.lastAnswer).toContainText("Emulated answer from gemini-2.5-pro");
  await expect(page.getByText("Carry me over", { exact: true })).toBeVisible();
  await expect(c.model).toHaveValue("gemini-2.5-pro");
});

test("blind mode hides the names, takes a vote, then reveals the right ones and counts it", async ({
  page,
}) => {
  const ui = await openCompare(page);
  await ui.model(1).selectOption("gemini-2.5-flash");
  await ui.model(2).selectOption("gemini-2.5-pro");
  await page.getByRole("switch", { name: "Blind mode" }).click();
  await expect(page.getByRole("combobox", { name: "Model" })).toHaveCount(0);
  await ui.send("Which is better?");
  await ui.waitUntilIdle();

  // The answer in the first column shown says which model wrote it (the emulator echoes it).
  const first = (await ui.answers(1).textContent()) ?? "";
  const chosen = /Emulated answer from (\S+)/.exec(first)?.[1] as string;
  await ui.column(1).getByRole("button", { name: "Vote for this answer" }).click();
  await expect(ui.column(1).getByText("Your pick")).toBeVisible();
  await expect(ui.column(2).getByRole("button", { name: "Vote for this answer" })).toBeDisabled();
  await page.getByRole("button", { name: "Reveal" }).click();

  // Each column now names the model whose answer it shows.
  for (const n of [1, 2]) {
    const answer = (await ui.answers(n).textContent()) ?? "";
    const model = /Emulated answer from (\S+)/.exec(answer)?.[1];
    await expect(ui.model(n)).toHaveValue(model as string);
  }
  await page.getByText(/Blind votes \(1\)/).click();
  const tally = page.getByRole("table", { name: "Blind vote tally" });
  await expect(tally.getByRole("row", { name: new RegExp(`${chosen} 1 0 1`) })).toBeVisible();
});

test("Download results saves every column's request, answer and figures as one JSON file", async ({
  page,
}) => {
  const ui = await openCompare(page);
  await ui.model(1).selectOption("gemini-2.5-flash");
  await ui.model(2).selectOption("gemini-2.5-pro");
  const download = page.getByRole("button", { name: "Download results" });
  await expect(download).toBeDisabled();
  const marker = uniqueMarker("results");
  await ui.send(`${marker}\n#emulator tokens=120`);
  await ui.waitUntilIdle();
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  expect(file.suggestedFilename()).toMatch(/^compare-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const results = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  expect(results.version).toBe(1);
  expect(results.setup.columns).toHaveLength(2);
  const columns = results.columns as {
    request: { model: string };
    state: { status: string; parts: { text?: string }[] };
    stats: { outputTokens: number };
  }[];
  expect(columns.map((c) => c.request.model)).toEqual(["gemini-2.5-flash", "gemini-2.5-pro"]);
  for (const [i, column] of columns.entries()) {
    expect(column.state.status).toBe("done");
    const text = column.state.parts.map((p) => p.text ?? "").join("");
    // The answer as the column shows it, in its markdown source.
    expect(text).toContain(`Emulated answer from ${column.request.model}`);
    expect(text).toContain(marker);
    await expect(ui.answers(i + 1)).toContainText(`Emulated answer from ${column.request.model}`);
    expect(column.stats.outputTokens).toBeGreaterThan(0);
  }
  // Blind, the results would name the hidden models: not until they are revealed.
  await page.getByRole("switch", { name: "Blind mode" }).click();
  await expect(download).toBeDisabled();
});

test("the diff between two columns marks the words only one of them has", async ({ page }) => {
  const ui = await openCompare(page);
  await ui.model(1).selectOption("gemini-2.5-flash");
  await ui.model(2).selectOption("gemini-2.5-pro");
  await ui.send("Diff these");
  await ui.waitUntilIdle();
  await page.getByRole("button", { name: "Diff", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Diff of two answers" });
  const diff = dialog.getByRole("region", { name: "Word diff" });
  // "gemini-2.5-flash" and "gemini-2.5-pro" differ in their last word only.
  await expect(diff.getByRole("insertion").filter({ hasText: "pro" }).first()).toBeVisible();
  await expect(diff.getByRole("deletion").filter({ hasText: "flash" }).first()).toBeVisible();
  // The same answer against itself has nothing marked.
  await dialog.getByLabel("To").selectOption({ label: "Column 1" });
  await expect(diff.getByRole("insertion")).toHaveCount(0);
  await expect(diff.getByRole("deletion")).toHaveCount(0);
});

test("sync scroll moves every column to the same place in its answer", async ({ page }) => {
  const ui = await openCompare(page);
  await ui.send("Long answers\n#emulator tokens=2500");
  await ui.waitUntilIdle();
  const box = (n: number) => ui.column(n).locator(".overflow-y-auto").first();
  const top = (n: number) => box(n).evaluate((el) => el.scrollTop);
  // The last words of an answer are drawn in a background render after the run ends: wait
  // until both answers have their final height, or the wheel below may land on a shorter one.
  for (const n of [1, 2]) {
    await expect
      .poll(() =>
        box(n).evaluate(async (el) => {
          const before = el.scrollHeight;
          await new Promise((resolve) => setTimeout(resolve, 300));
          return el.scrollHeight === before;
        }),
      )
      .toBe(true);
  }
  await box(1).evaluate((el) => el.scrollTo({ top: 0 }));
  await box(2).evaluate((el) => el.scrollTo({ top: 0 }));

  await page.getByRole("switch", { name: "Sync scroll" }).click();
  await box(1).hover();
  await page.mouse.wheel(0, 600);
  await expect.poll(() => top(1)).toBeGreaterThan(300);
  await expect.poll(() => top(2)).toBeGreaterThan(300);

  // Off again: the other column stays where it is.
  await page.getByRole("switch", { name: "Sync scroll" }).click();
  const [first, second] = [await top(1), await top(2)];
  await box(1).hover();
  await page.mouse.wheel(0, 600);
  await expect.poll(() => top(1)).toBeGreaterThan(first + 300);
  expect(await top(2)).toBe(second);
});

test("a column with its own system instructions sends them, the other the shared ones", async ({
  page,
}) => {
  const ui = await openCompare(page);
  await ui.column(2).getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Column 2 settings" });
  await dialog.getByRole("switch", { name: "Own system instructions" }).click();
  await dialog.getByLabel("System instructions for this column").fill("Answer like a pirate.");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(ui.column(2).getByRole("list", { name: "Own settings" })).toContainText(
    "System instructions",
  );
  await ui.send("Ahoy?");
  await ui.waitUntilIdle();
  await expect(ui.answers(2)).toContainText('System instruction: "Answer like a pirate."');
  await expect(ui.answers(1)).toContainText("System instruction: none");
});

test("six columns fit the window side by side in the compact view", async ({ page }) => {
  const ui = await openCompare(page);
  for (let i = 0; i < 4; i++) await ui.addColumn.click();
  await expect(ui.column(6)).toBeVisible();
  await expect(ui.addColumn).toBeDisabled();
  const grid = page.locator("main .grid").first();
  const overflows = () =>
    grid.evaluate(
      (el) =>
        (el.parentElement as HTMLElement).scrollWidth >
        (el.parentElement as HTMLElement).clientWidth,
    );
  expect(await overflows()).toBe(true);
  await page.getByRole("switch", { name: "Compact view" }).click();
  await expect.poll(overflows).toBe(false);
});

test("on a phone the header's and toolbar's actions fit, and a column's answer keeps room to be read", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const ui = await openCompare(page);
  const width = 390;
  const controls = [
    page.getByRole("link", { name: "Back to chat" }),
    ...["Add column", "Stop all", "Run all", "Diff", "Download results"].map((name) =>
      page.getByRole("button", { name, exact: true }),
    ),
    ...["Blind mode", "Sync scroll", "Compact view"].map((name) =>
      page.getByRole("switch", { name }),
    ),
    page.getByRole("combobox", { name: "Quick setup" }),
  ];
  // Every control of the header and the toolbar is on screen: none hides past the edge.
  for (const control of controls) {
    const name = String(control);
    const box = await control.boundingBox();
    expect(box, name).not.toBeNull();
    expect(box?.x ?? -1, name).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(width);
  }
  await ui.send(`${uniqueMarker("phone")}\n#emulator tokens=400 rate=2000/s`);
  await ui.waitUntilIdle();
  await expect(ui.column(1).getByRole("term").filter({ hasText: "TTFT" })).toBeVisible();
  // The answer's scroller, between the column's controls and its figures.
  const answerBox = await ui
    .answers(1)
    .first()
    .evaluate(
      (el) => (el.closest(".overflow-y-auto") as HTMLElement).getBoundingClientRect().height,
    );
  expect(answerBox).toBeGreaterThanOrEqual(150);
  // The first column is whole on screen; the next is one swipe away.
  const first = await ui.column(1).boundingBox();
  expect((first?.x ?? -1) >= 0 && (first?.x ?? 0) + (first?.width ?? 0) <= width).toBe(true);
  await ui.column(2).scrollIntoViewIfNeeded();
  await expect(ui.column(2).getByRole("term").filter({ hasText: "TTFT" })).toBeInViewport();
});

test("closing the tab ends every column's request upstream", async ({ page, context }) => {
  const ui = await openCompare(page);
  await ui.model(1).selectOption("gemini-2.5-flash");
  await ui.model(2).selectOption("gemini-2.5-pro");
  const marker = uniqueMarker("close");
  await ui.send(`${marker}\n#emulator tokens=4000 rate=200/s`);
  await expect(ui.answers(1)).toBeVisible();
  await expect(ui.answers(2)).toBeVisible();
  await page.close();
  const outcomes = async () =>
    (await emulatorRequests())
      .filter((e) => e.promptExcerpt?.includes(marker) && !e.path.endsWith(":countTokens"))
      .map((e) => e.outcome)
      .sort();
  await expect.poll(outcomes).toEqual(["client_closed", "client_closed"]);
  await context.close();
});
