import { expect, type Response, test } from "@playwright/test";
import { chat } from "./support/chat";
import { pngFile, wavFile } from "./support/media-files";
import { MEDIA_LIMITS } from "./support/ports";

const canary = process.env.E2E_CANARY_KEY ?? "";

interface Recorded {
  url: string;
  headers: string;
  body: string;
}

/**
 * The server runs with a unique fake key. Everything the browser receives while a person uses
 * every page and every API route must be free of it: HTML, JS chunks, CSS, JSON, SSE, headers.
 */
test("the API key never reaches the browser", async ({ page }) => {
  // Every door, every kind of answer and refusal: a long walk.
  test.setTimeout(90_000);
  expect(canary).toMatch(/^AIzaCanary[0-9a-f]{30}$/);
  const pending: Promise<Recorded>[] = [];
  const record = async (response: Response): Promise<Recorded> => {
    const isRedirect = response.status() >= 300 && response.status() < 400;
    return {
      url: response.url(),
      headers: JSON.stringify(await response.allHeaders()),
      body: isRedirect ? "" : (await bodyOf(response)).toString("latin1"),
    };
  };
  // Chromium keeps no body for media it streamed into a player (ranges), nor for a request the
  // page cancelled once its headers were in (a token count overtaken by the next keystroke):
  // ask the server the same question again, so what it would have sent is checked all the same.
  const bodyOf = async (response: Response): Promise<Buffer> => {
    try {
      return await response.body();
    } catch (error) {
      const request = response.request();
      if (request.method() === "GET") return (await page.request.get(response.url())).body();
      if (request.failure() === null) throw error;
      const again = await page.request.fetch(response.url(), {
        method: request.method(),
        headers: await request.allHeaders(),
        data: request.postDataBuffer() ?? undefined,
      });
      return again.body();
    }
  };
  page.on("response", (response) => pending.push(record(response)));

  await page.goto("/");
  const ui = chat(page);
  await ui.send("Say something long\n#emulator tokens=400");
  await ui.waitUntilIdle();
  await ui.send("#emulator error=429");
  await expect(ui.alert).toBeVisible();
  await ui.send("#emulator error=400");
  await ui.send("#emulator error=403");
  await ui.send("#emulator tokens=2000 chunk=20 disconnect=2");
  await expect(ui.alert).toContainText(/broke off/i);
  // Media: an upload, a large file through the Files API, a refusal, generated image and speech,
  // Imagen (called over REST with the key in a header) and its error path.
  const picker = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach files" }).click();
  const big = wavFile("big.wav", (MEDIA_LIMITS.inlineBytes * 1.2) / 32_000);
  const refused = { name: "x.bmp", mimeType: "image/bmp", buffer: Buffer.from("BM") };
  await (await picker).setFiles([pngFile("tiny.png", 4, 4), big, refused]);
  await expect(page.getByText("big.wav")).toBeVisible();
  await ui.send("Describe these");
  await ui.waitUntilIdle();
  for (const model of [
    "gemini-2.5-flash-image",
    "gemini-2.5-flash-preview-tts",
    "imagen-4.0-generate-001",
  ]) {
    await ui.model.selectOption(model);
    await ui.send("A lighthouse");
    await ui.waitUntilIdle();
  }
  await ui.send("#emulator error=403");
  await expect(ui.alert).toBeVisible();
  await ui.model.selectOption("gemini-2.5-flash");
  // A fresh prompt through the other two doors, answered and refused.
  await page.getByRole("button", { name: "New prompt" }).click();
  await page
    .getByRole("dialog", { name: "Start a new prompt?" })
    .getByRole("button", { name: "Discard and start new" })
    .click();
  for (const api of ["OpenAI compatibility", "Interactions API"]) {
    await page.getByRole("combobox", { name: "API" }).selectOption({ label: api });
    await ui.send("Through another door\n#emulator tokens=60");
    await ui.waitUntilIdle();
    await ui.send("#emulator error=403");
    await expect(ui.alert).toBeVisible();
  }
  // In the background (the Interactions API is chosen): followed by the server, and refused.
  const background = page.getByRole("switch", { name: "Run in background" });
  await background.click();
  await ui.send("In the background\n#emulator tokens=60");
  await ui.waitUntilIdle();
  await ui.send("#emulator error=403");
  await expect(ui.alert).toBeVisible();
  await background.click();
  await page.evaluate(async () => {
    const post = (path: string, body: unknown) =>
      fetch(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then((r) => r.text());
    await post("/api/count-tokens", {
      model: "gemini-2.5-flash",
      contents: [{ role: "user", parts: [{ kind: "text", text: "hi" }] }],
    });
    await post("/api/run", { model: "no-such-model", contents: [] });
    await post("/api/run", "{broken");
    await fetch("/api/models").then((r) => r.text());
    await fetch("/api/background").then((r) => r.text());
    await fetch("/api/health").then((r) => r.text());
    await fetch(`/api/media/${"0".repeat(64)}`).then((r) => r.text());
  });
  // Bodies are read before leaving the page: navigating discards them in the browser.
  const recorded = await Promise.all(pending.splice(0));
  // Compare: two columns streaming side by side through the server, one of them refused.
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await page.waitForURL("**/compare");
  const second = page.getByRole("region", { name: "Column 2", exact: true });
  await second.getByRole("combobox", { name: "Model" }).selectOption("gemini-2.5-pro");
  const comparePrompt = page.getByRole("textbox", { name: "Prompt" });
  await comparePrompt.fill(
    "Side by side\n#emulator tokens=200\n#emulator model=gemini-2.5-pro error=429",
  );
  await comparePrompt.press("Control+Enter");
  await expect(second.getByRole("alert")).toBeVisible();
  await expect(page.getByRole("button", { name: "Run all" })).toBeEnabled();
  // The same through each of Google's doors (Gemini API, Interactions API, OpenAI
  // compatibility), answers and refusals alike.
  await page.getByRole("button", { name: "Compare APIs" }).click();
  for (const prompt of [
    "Every door\n#emulator tokens=100",
    "#emulator error=403",
    "#emulator error=400",
  ]) {
    await comparePrompt.fill(prompt);
    await comparePrompt.press("Control+Enter");
    await expect(page.getByRole("button", { name: "Run all" })).toBeEnabled({ timeout: 20_000 });
  }
  await expect(
    page.getByRole("region", { name: "Column 3", exact: true }).getByRole("alert"),
  ).toBeVisible();
  recorded.push(...(await Promise.all(pending.splice(0))));
  await page.goto("/no-such-page");
  await page.waitForLoadState("networkidle");
  recorded.push(...(await Promise.all(pending.splice(0))));
  // The recording itself must have worked, or an empty list would pass.
  const bodies = recorded.map((r) => r.body).join("\n");
  expect(recorded.some((r) => r.url.endsWith(".js"))).toBe(true);
  expect(recorded.some((r) => new URL(r.url).pathname === "/compare")).toBe(true);
  expect(bodies).toContain("event: chunk");
  expect(bodies).toContain("rate_limit:gemini");
  expect(bodies).toContain('"api":"interactions"');
  expect(bodies).toContain('"api":"openai"');
  expect(bodies).toContain('"background":{"id":');
  expect(bodies).toContain("gemini-2.5-flash");
  expect(
    recorded.some((r) => r.url.includes("/api/media/") && r.headers.includes("image/png")),
  ).toBe(true);

  const leaks = recorded
    .filter((r) => r.body.includes(canary) || r.headers.includes(canary))
    .map((r) => r.url);
  expect(leaks).toEqual([]);
});

test("no built asset contains the key, including chunks no page loaded", async () => {
  const { readdir, readFile } = await import("node:fs/promises");
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const files = (await readdir(`${distDir}/static`, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath}/${entry.name}`);
  expect(files.length).toBeGreaterThan(5);
  const leaks: string[] = [];
  for (const file of files) {
    if ((await readFile(file)).includes(canary)) leaks.push(file);
  }
  expect(leaks).toEqual([]);
});
