import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page } from "@playwright/test";
import { chat } from "./support/chat";
import { ownServer } from "./support/own-server";
import { GATE, PORTS } from "./support/ports";
import { emulatorRequests, GATED_URL, uniqueMarker } from "./support/servers";
import { teamTest } from "./support/team";

function library(page: Page) {
  const saveDialog = page.getByRole("dialog", { name: "Save prompt" });
  const shareDialog = page.getByRole("dialog", { name: "Share" });
  return {
    save: page.getByRole("banner").getByRole("button", { name: "Save", exact: true }),
    share: page.getByRole("banner").getByRole("button", { name: "Share", exact: true }),
    saved: page.getByRole("banner").getByRole("status"),
    failed: page.getByRole("banner").getByRole("alert"),
    saveDialog,
    shareDialog,
    async saveAs(title: string, tags = "") {
      await this.save.click();
      await saveDialog.getByRole("textbox", { name: "Title" }).fill(title);
      if (tags) await saveDialog.getByRole("textbox", { name: "Tags" }).fill(tags);
      await saveDialog.getByRole("button", { name: "Save", exact: true }).click();
      await expect(saveDialog).toBeHidden();
    },
    async link(pinned = false): Promise<string> {
      await this.share.click();
      if (pinned) await shareDialog.getByRole("checkbox", { name: /Pin to revision/ }).check();
      const link = await shareDialog.getByRole("textbox", { name: "Share link" }).inputValue();
      await shareDialog.getByRole("button", { name: "Done" }).click();
      return link;
    },
  };
}

teamTest(
  "one person saves and shares; a teammate opens the link, and saving makes their own copy",
  async ({ teammate }) => {
    const a = await teammate("Ada");
    await a.goto("/");
    const ui = chat(a);
    const marker = uniqueMarker("shared");
    await ui.systemInstructions.fill("Answer as a pirate.");
    await ui.send(`${marker} Tell me about the sea\n#emulator tokens=20`);
    await ui.waitUntilIdle();
    const lib = library(a);
    await expect(lib.share).toBeDisabled();
    await lib.saveAs("Pirate sea", "fun, sea");
    await expect(lib.saved).toHaveText("Saved · revision 1");
    const link = await lib.link();
    expect(link).toMatch(new RegExp(`^${GATED_URL}/p/[A-Za-z0-9_-]{22}$`));

    const b = await teammate("Bob");
    await b.goto(link);
    const bobUi = chat(b);
    await expect(b.getByRole("article", { name: "User turn 1" })).toContainText(marker);
    await expect(bobUi.systemInstructions).toHaveValue("Answer as a pirate.");
    await expect(b.getByRole("banner").getByRole("button", { name: "Pirate sea" })).toBeVisible();

    // Bob's change is saved as his copy (Ctrl+S), which says where it came from; Ada's is as it was.
    await bobUi.systemInstructions.fill("Answer as a poet.");
    await bobUi.prompt.press("Control+s");
    const bobLib = library(b);
    await expect(bobLib.saved).toContainText(
      "Saved as your copy: Ada's prompt is theirs to change",
    );
    const copy = await bobLib.link();
    expect(copy).not.toBe(link);
    const copied = await b.request.get(copy.replace("/p/", "/api/prompts/"));
    expect(await copied.json()).toMatchObject({
      author: "Bob",
      forkedFrom: { id: link.split("/p/")[1], revision: 1 },
      document: { systemInstruction: "Answer as a poet." },
    });

    await a.goto(link);
    await expect(ui.systemInstructions).toHaveValue("Answer as a pirate.");
  },
);

teamTest(
  "each save is a new revision, and a pinned link opens the revision it names",
  async ({ teammate }) => {
    const a = await teammate("Ada");
    await a.goto("/");
    const ui = chat(a);
    const lib = library(a);
    await ui.systemInstructions.fill("First version.");
    await lib.saveAs("Versions");
    await expect(lib.saved).toHaveText("Saved · revision 1");
    await ui.systemInstructions.fill("Second version.");
    await ui.systemInstructions.press("Control+s");
    await expect(lib.saved).toHaveText("Saved · revision 2");
    const pinned = await lib.link(true);
    expect(pinned).toMatch(/\?revision=2$/);
    await ui.systemInstructions.fill("Third version.");
    await lib.save.click();
    await expect(lib.saved).toHaveText("Saved · revision 3");

    const other = await a.context().newPage();
    await other.goto(pinned);
    await expect(chat(other).systemInstructions).toHaveValue("Second version.");
    await other.goto(pinned.replace(/\?revision=2$/, ""));
    await expect(chat(other).systemInstructions).toHaveValue("Third version.");
  },
);

teamTest(
  "a link to nothing says so; a link opened before signing in opens after it",
  async ({ page, teammate }) => {
    const a = await teammate("Ada");
    await a.goto("/");
    await chat(a).systemInstructions.fill("Behind the gate.");
    await library(a).saveAs("Gated");
    const link = await library(a).link();

    await page.goto(link);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fp%2F/);
    await page.getByRole("textbox", { name: "Access code" }).fill(GATE.codes[0]);
    await page.getByRole("textbox", { name: "Your name" }).fill("Carol");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(link);
    await expect(chat(page).systemInstructions).toHaveValue("Behind the gate.");

    await page.goto("/p/AAAAAAAAAAAAAAAAAAAAAA");
    await expect(page.getByRole("heading", { name: "This prompt cannot be opened" })).toBeVisible();
    await expect(page.getByText("the link is wrong, or the prompt was deleted")).toBeVisible();
  },
);

teamTest(
  "a compare setup is saved and opens from its link as the same columns",
  async ({ teammate }) => {
    const a = await teammate("Ada");
    await a.goto("/compare");
    const column = (n: number) => a.getByRole("region", { name: `Column ${n}`, exact: true });
    await column(2).getByRole("combobox", { name: "Model" }).selectOption("gemini-2.5-pro");
    await library(a).saveAs("Flash against Pro");
    await expect(library(a).saved).toHaveText("Saved · revision 1");
    const link = await library(a).link();

    // Carol has a comparison of her own going: opening the link sets it aside, not away.
    const c = await teammate("Carol");
    await c.goto("/compare");
    const carols = (n: number) => c.getByRole("region", { name: `Column ${n}`, exact: true });
    await c
      .getByRole("textbox", { name: "Prompt" })
      .fill("Carol's own question\n#emulator tokens=10");
    await c.getByRole("textbox", { name: "Prompt" }).press("Control+Enter");
    await expect(c.getByRole("button", { name: "Run all" })).toBeEnabled({ timeout: 20_000 });
    await expect(carols(1)).toContainText("Emulated answer");
    await c.goto(link);
    await expect(carols(2).getByRole("combobox", { name: "Model" })).toHaveValue("gemini-2.5-pro");
    await expect(carols(1)).not.toContainText("Emulated answer");
    const aside = c.getByRole("status", { name: "Draft set aside" });
    await expect(aside).toContainText("compare setup");
    await aside.getByRole("button", { name: "Bring back my draft" }).click();
    await expect(carols(1)).toContainText("Emulated answer");
    await expect(carols(2).getByRole("combobox", { name: "Model" })).not.toHaveValue(
      "gemini-2.5-pro",
    );
  },
);

teamTest(
  "a database that cannot be reached says so on save, and the draft stays",
  async ({ page }) => {
    // A server whose PostgreSQL nobody answers at.
    const server = ownServer(PORTS.gated + 10, {
      DATABASE_URL: "postgres://playground@127.0.0.1:9/unreachable",
    });
    await server.start();
    try {
      await page.goto(`${server.url}/`);
      const ui = chat(page);
      await ui.systemInstructions.fill("Keep me.");
      await ui.prompt.fill("Unsent words");
      const lib = library(page);
      await lib.saveAs("Nowhere to go");
      await expect(lib.failed).toContainText("database cannot be reached, so nothing was saved");
      await expect(ui.systemInstructions).toHaveValue("Keep me.");
      await expect(ui.prompt).toHaveValue("Unsent words");
      await expect(lib.share).toBeDisabled();
    } finally {
      await server.kill();
    }
  },
);

teamTest(
  "the library finds a prompt as you type and by tag; only its author deletes it, and can restore it",
  async ({ teammate }) => {
    const a = await teammate("Ada");
    const marker = uniqueMarker("library");
    await a.goto("/");
    await chat(a).prompt.fill(`${marker} summarise the refund email`);
    await library(a).saveAs(`Refunds ${marker}`, "support");
    await expect(library(a).saved).toHaveText("Saved · revision 1");

    await a.goto("/library");
    const list = a.getByRole("list", { name: "Prompts" });
    const search = a.getByRole("searchbox", { name: "Search prompts" });
    await search.fill(`${marker} REFUND`);
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expect(list.getByRole("link", { name: `Refunds ${marker}` })).toBeVisible();
    await search.fill(`${marker} nothing-like-this`);
    await expect(list.getByRole("listitem")).toHaveCount(0);
    await search.fill(marker);
    await a.getByRole("combobox", { name: "Tag" }).selectOption("support");
    await expect(list.getByRole("listitem")).toHaveCount(1);

    const b = await teammate("Bob");
    await b.goto("/library");
    await b.getByRole("searchbox", { name: "Search prompts" }).fill(marker);
    // The search's own answer, not the list the page opened with: the marker is in one prompt.
    await expect(b.getByText("1 prompt", { exact: true })).toBeVisible();
    await expect(b.getByRole("link", { name: `Refunds ${marker}` })).toBeVisible();
    await expect(b.getByRole("button", { name: `Delete Refunds ${marker}` })).toHaveCount(0);
    const id = (
      await b.getByRole("link", { name: `Refunds ${marker}` }).getAttribute("href")
    )?.split("/p/")[1];
    const refused = await b.request.delete(`/api/prompts/${id}`, {
      headers: { origin: GATED_URL },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain("Only Ada");

    await list.getByRole("button", { name: `Delete Refunds ${marker}` }).click();
    await expect(list.getByRole("listitem")).toHaveCount(0);
    await a.getByRole("checkbox", { name: "Recently deleted" }).check();
    await list.getByRole("button", { name: `Restore Refunds ${marker}` }).click();
    await a.getByRole("checkbox", { name: "Recently deleted" }).uncheck();
    await expect(list.getByRole("link", { name: `Refunds ${marker}` })).toBeVisible();
    // Bob opens it: the words Ada left in the prompt box were saved as its first turn.
    await b.getByRole("link", { name: `Refunds ${marker}` }).click();
    await expect(b.getByRole("article", { name: "User turn 1" })).toContainText(marker);
  },
);

teamTest(
  "the revisions show what changed between two saves, and restore one as the newest",
  async ({ teammate }) => {
    const a = await teammate("Ada");
    await a.goto("/");
    const ui = chat(a);
    const lib = library(a);
    await ui.systemInstructions.fill("Be brief.");
    await lib.saveAs("Tone");
    await ui.systemInstructions.fill("Be thorough.");
    await lib.save.click();
    await expect(lib.saved).toHaveText("Saved · revision 2");

    await a.getByRole("button", { name: "Revisions" }).click();
    const dialog = a.getByRole("dialog", { name: "Revisions" });
    await expect(
      dialog.getByRole("list", { name: "Saved revisions" }).getByRole("listitem"),
    ).toHaveCount(2);
    const changes = dialog.getByRole("list", { name: "Changes" });
    await expect(changes.getByRole("deletion")).toHaveText("− System instructions: Be brief.");
    await expect(changes.getByRole("insertion")).toHaveText("+ System instructions: Be thorough.");

    await dialog.getByRole("button", { name: "Restore revision 1" }).click();
    await expect(dialog).toBeHidden();
    await expect(ui.systemInstructions).toHaveValue("Be brief.");
    const link = await lib.link(true);
    expect(link).toMatch(/\?revision=3$/);
  },
);

teamTest(
  "a link with the run's results shows a teammate the answer and its figures without running it",
  async ({ teammate }) => {
    const a = await teammate("Ada");
    const marker = uniqueMarker("snapshot");
    await a.goto("/");
    await chat(a).send(`${marker} describe a harbour\n#emulator tokens=40`);
    await chat(a).waitUntilIdle();
    const lib = library(a);
    await lib.saveAs("Harbour");
    await lib.share.click();
    await lib.shareDialog.getByRole("checkbox", { name: /Include run results/ }).check();
    const box = lib.shareDialog.getByRole("textbox", { name: "Share link" });
    await expect(box).toHaveValue(/\?revision=1&run=[A-Za-z0-9_-]{22}$/);
    const link = await box.inputValue();
    const asked = async () =>
      (await emulatorRequests()).filter(
        (e) => e.promptExcerpt?.includes(marker) && !e.path.endsWith(":countTokens"),
      ).length;
    expect(await asked()).toBe(1);

    const b = await teammate("Bob");
    await b.goto(link);
    const answer = b.getByRole("article", { name: "Model turn 2" });
    await expect(answer).toContainText("Emulated answer");
    // The figures came with the link: time to first token, tokens, finish.
    await expect(answer.getByRole("term").filter({ hasText: "TTFT" })).toBeVisible();
    await expect(answer.getByRole("term").filter({ hasText: "Finish" })).toBeVisible();
    const note = b.getByRole("note", { name: "Shared run" });
    await expect(note).toContainText("Ada's run from");
    expect(await asked()).toBe(1);

    await note.getByRole("button", { name: "Run again" }).click();
    await chat(b).waitUntilIdle();
    await expect.poll(asked).toBe(2);
    await expect(note).toBeHidden();
  },
);

teamTest(
  "nothing the team saves holds the key: not a prompt, a revision, a run or shared results",
  async ({ teammate }) => {
    const canary = process.env.E2E_CANARY_KEY ?? "";
    expect(canary).toMatch(/^AIzaCanary/);
    const a = await teammate("Ada");
    // Every answer the browser gets on the team's pages, as the key canary test records the chat's.
    const seen: Promise<{ url: string; text: string }>[] = [];
    a.on("response", (response) =>
      seen.push(
        (async () => ({
          url: response.url(),
          text:
            JSON.stringify(await response.allHeaders()) +
            (await response.body().catch(() => Buffer.alloc(0))).toString("latin1"),
        }))(),
      ),
    );
    await a.goto("/");
    await chat(a).send(`${uniqueMarker("canary")} key check\n#emulator tokens=30`);
    await chat(a).waitUntilIdle();
    await library(a).saveAs("Key check");
    await library(a).share.click();
    await library(a)
      .shareDialog.getByRole("checkbox", { name: /Include run results/ })
      .check();
    await expect(library(a).shareDialog.getByRole("textbox", { name: "Share link" })).toHaveValue(
      /run=/,
    );
    const link = await library(a)
      .shareDialog.getByRole("textbox", { name: "Share link" })
      .inputValue();
    for (const page of [link, "/library", "/history", "/usage"]) {
      await a.goto(page);
      await a.waitForLoadState("networkidle");
    }
    await a.goto("/history");
    await Promise.all([
      a.waitForResponse((r) => new URL(r.url()).pathname === "/api/history"),
      a.getByRole("searchbox", { name: "Search history" }).fill("key check"),
    ]);
    const responses = await Promise.all(seen);
    for (const path of ["/p/", "/library", "/history", "/usage", "/api/prompts", "/api/history"]) {
      expect(
        responses.some((r) => new URL(r.url).pathname.startsWith(path)),
        path,
      ).toBe(true);
    }
    expect(responses.filter((r) => r.text.includes(canary)).map((r) => r.url)).toEqual([]);
    // The gated server's whole database, as the file on disk (and its write-ahead log).
    const dir = join(tmpdir(), `playground-e2e-${PORTS.gated}`);
    const files = readdirSync(dir).filter((name) => name.startsWith("playground.sqlite"));
    expect(files).toContain("playground.sqlite");
    const bytes = Buffer.concat(files.map((name) => readFileSync(join(dir, name))));
    expect(bytes.includes("Key check")).toBe(true);
    expect(bytes.includes(canary)).toBe(false);
  },
);

teamTest(
  "opening a link over an unsaved draft sets the draft aside, and brings it back",
  async ({ teammate }) => {
    const a = await teammate("Ada");
    await a.goto("/");
    await chat(a).systemInstructions.fill("Ada's shared prompt.");
    await library(a).saveAs("Set aside");
    const link = await library(a).link();

    const b = await teammate("Bob");
    await b.goto("/");
    await chat(b).systemInstructions.fill("Bob's own unsaved words.");
    await chat(b).prompt.fill("and a question not sent yet");
    await b.goto(link);
    await expect(chat(b).systemInstructions).toHaveValue("Ada's shared prompt.");
    const aside = b.getByRole("status", { name: "Draft set aside" });
    await expect(aside).toContainText("Your unsaved draft was set aside");
    await aside.getByRole("button", { name: "Bring back my draft" }).click();
    await expect(chat(b).systemInstructions).toHaveValue("Bob's own unsaved words.");
    await expect(chat(b).prompt).toHaveValue("and a question not sent yet");
    await expect(aside).toBeHidden();
  },
);
