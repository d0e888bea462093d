import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { startPostgres } from "@/tests/support/postgres";
import { chat } from "./support/chat";
import { pngFile } from "./support/media-files";
import { ownServer } from "./support/own-server";
import { PORTS } from "./support/ports";
import { uniqueMarker } from "./support/servers";

test("two app servers on one PostgreSQL share the library, its images and the history", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const postgres = await startPostgres();
  const databaseUrl = await postgres.createDatabase("two_servers");
  // Each server has a data folder of its own: what they share is the database alone.
  const one = ownServer(PORTS.gated + 8, { DATABASE_URL: databaseUrl });
  // The second sends every file through the Files API, streamed from the database's chunks.
  const two = ownServer(PORTS.gated + 9, {
    DATABASE_URL: databaseUrl,
    PLAYGROUND_MEDIA_INLINE_BYTES: "0",
  });
  try {
    // Started together: each applies the migrations under the lock, neither fails.
    await Promise.all([one.start(), two.start()]);
    const marker = uniqueMarker("two");
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${one.url}/`);
    await chat(page).systemInstructions.fill(`Saved through one ${marker}`);
    const image = pngFile("across.png", 40, 30, 7);
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Attach files" }).click();
    await (await chooser).setFiles([image]);
    // Stored in the database before the prompt can go (the first write opens the store).
    await expect(
      page.getByRole("list", { name: "Attachments" }).getByRole("img", { name: "across.png" }),
    ).toBeVisible({ timeout: 20_000 });
    await expect(chat(page).run).toBeEnabled({ timeout: 20_000 });
    await chat(page).send(marker);
    await chat(page).waitUntilIdle();
    await expect(chat(page).lastAnswer).toContainText(`sha256 ${image.hash12}, 40×30 px`);
    await page.getByRole("banner").getByRole("button", { name: "Save", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Save prompt" });
    await dialog.getByRole("textbox", { name: "Title" }).fill("Across servers");
    await dialog.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("banner").getByRole("button", { name: "Share", exact: true }).click();
    const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();

    const other = await (await browser.newContext()).newPage();
    await other.goto(link.replace(one.url, two.url));
    await expect(chat(other).systemInstructions).toHaveValue(`Saved through one ${marker}`);
    // The image, uploaded to the first server, shows through the second and runs there too.
    const shown = other
      .getByRole("article", { name: "User turn" })
      .first()
      .getByRole("img", { name: "across.png" });
    await expect(shown).toBeVisible();
    await expect
      .poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(40);
    // Server two sends the image (stored through one) to Gemini through the Files API: a file it
    // could not read whole would fail the run.
    await chat(other).send(`Again ${marker}`);
    await chat(other).waitUntilIdle();
    await expect(chat(other).lastAnswer).toContainText(`Last user message: "Again ${marker}"`);
    const sha256 = createHash("sha256").update(image.buffer).digest("hex");
    const whole = await fetch(`${two.url}/api/media/${sha256}`);
    expect(Buffer.from(await whole.arrayBuffer()).equals(image.buffer)).toBe(true);
    const part = await fetch(`${two.url}/api/media/${sha256}`, {
      headers: { range: "bytes=8-23" },
    });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(image.buffer.subarray(8, 24))).toBe(true);
    // Neither server keeps a file of its own: the database holds them all.
    for (const server of [one, two]) {
      const media = join(server.dataDir, "media");
      const files = existsSync(media) ? readdirSync(media, { recursive: true }) : [];
      expect(files.filter((f) => /[0-9a-f]{64}$/.test(String(f)))).toEqual([]);
    }
    const history = await (await fetch(`${two.url}/api/history?q=${marker}`)).json();
    // One run through each server, both in the one history.
    expect(history.runs).toHaveLength(2);
    await context.close();
  } finally {
    await one.kill();
    await two.kill();
    postgres.stop();
  }
});
