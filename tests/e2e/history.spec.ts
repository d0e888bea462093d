import { expect } from "@playwright/test";
import { readEvents } from "@/lib/run/events";
import { chat } from "./support/chat";
import { ownServer } from "./support/own-server";
import { PORTS } from "./support/ports";
import { uniqueMarker } from "./support/servers";
import { teamTest } from "./support/team";

teamTest(
  "every run is kept: History finds it as you type and opens it in the chat",
  async ({ teammate }) => {
    const a = await teammate("Ada");
    const marker = uniqueMarker("history");
    await a.goto("/");
    const ui = chat(a);
    await ui.send(`${marker} what is a lighthouse?\n#emulator tokens=40`);
    await ui.waitUntilIdle();

    await a.goto("/history");
    const runs = a.getByRole("list", { name: "Runs" });
    await a.getByRole("searchbox", { name: "Search history" }).fill(`${marker} LIGHTHOUSE`);
    await expect(runs.getByRole("listitem")).toHaveCount(1);
    await expect(runs.getByRole("listitem")).toContainText("Emulated answer");
    await runs.getByRole("link").click();
    await expect(a).toHaveURL(/\/history\/[A-Za-z0-9_-]{22}$/);
    await expect(a.getByRole("article", { name: "User turn 1" })).toContainText(marker);
    await expect(a.getByRole("article", { name: "Model turn 2" })).toContainText("Emulated answer");
    // The chat Ada left held that same conversation, unsaved: it is set aside, not lost.
    await expect(a.getByRole("status", { name: "Draft set aside" })).toBeVisible();

    // Another person's history is theirs alone.
    const b = await teammate("Bob");
    await b.goto("/history");
    await b.getByRole("searchbox", { name: "Search history" }).fill(marker);
    await expect(b.getByText("No run matches.")).toBeVisible();
  },
);

teamTest("a run cut off by closing the tab is kept as far as it came", async ({ teammate }) => {
  const a = await teammate("Ada");
  const marker = uniqueMarker("closed");
  await a.goto("/");
  await chat(a).send(`${marker} a long story\n#emulator tokens=4000 rate=200/s`);
  await expect(a.getByRole("article", { name: "Model turn 2" })).toContainText("Emulated");
  await a.close();
  const check = await a.context().newPage();
  await expect
    .poll(
      async () => {
        const answer = await check.request.get(`/api/history?q=${encodeURIComponent(marker)}`);
        return (await answer.json()).runs?.[0]?.status;
      },
      { timeout: 15_000 },
    )
    .toBe("stopped");
  const { runs } = await (
    await check.request.get(`/api/history?q=${encodeURIComponent(marker)}`)
  ).json();
  expect(runs[0].answer).toContain("Emulated answer");
});

teamTest("the history keeps a run across a server restart", async () => {
  const server = ownServer(PORTS.gated + 6);
  const url = server.url;
  const marker = uniqueMarker("restart");
  await server.start();
  try {
    const run = await fetch(`${url}/api/run`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify({
        model: "gemini-2.5-flash",
        contents: [
          { role: "user", parts: [{ kind: "text", text: `${marker}\n#emulator tokens=20` }] },
        ],
      }),
    });
    for await (const _ of readEvents(run.body as ReadableStream<Uint8Array>)) {
      // read to the end: the run is kept as its events end
    }
    await expect
      .poll(async () => (await (await fetch(`${url}/api/history?q=${marker}`)).json()).runs.length)
      .toBe(1);
    await server.kill();
    await server.start();
    const { runs } = await (await fetch(`${url}/api/history?q=${marker}`)).json();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "done", author: "Local user" });
  } finally {
    await server.kill();
  }
});

teamTest(
  "on a phone, the library, the history and Sign out are under More",
  async ({ teammate }) => {
    const a = await teammate("Ada", { viewport: { width: 390, height: 844 } });
    await a.goto("/");
    await expect(a.getByRole("link", { name: "History" })).toBeHidden();
    await a.getByRole("banner").getByLabel("More").first().click();
    const menu = a.getByRole("navigation", { name: "More" });
    await expect(menu.getByRole("button", { name: "Sign out (Ada)" })).toBeVisible();
    await menu.getByRole("link", { name: "History" }).click();
    await expect(a).toHaveURL(/\/history$/);
    await expect(a.getByRole("searchbox", { name: "Search history" })).toBeVisible();
  },
);
