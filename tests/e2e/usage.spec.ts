import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";
import { chat } from "./support/chat";
import { uniqueMarker } from "./support/servers";
import { teamTest } from "./support/team";

teamTest(
  "Usage sums each person's runs by day and model, and exports them as CSV",
  async ({ teammate }) => {
    // Names of this test's own, so other tests' runs on the server do not mix in.
    const suffix = uniqueMarker("u").slice(-6);
    const ada = `Ada ${suffix}`;
    const bob = `Bob ${suffix}`;
    const a = await teammate(ada);
    await a.goto("/");
    for (const n of [1, 2]) {
      await chat(a).send(`question ${n}\n#emulator tokens=30`);
      await chat(a).waitUntilIdle();
    }
    const b = await teammate(bob);
    await b.goto("/");
    await chat(b).model.selectOption("gemini-2.5-pro");
    await chat(b).send("question\n#emulator tokens=30");
    await chat(b).waitUntilIdle();

    await a.goto("/usage");
    const table = a.getByRole("table", { name: "Usage" });
    const today = new Date().toISOString().slice(0, 10);
    const adaRow = table.getByRole("row").filter({ hasText: ada });
    await expect(adaRow).toHaveCount(1);
    await expect(adaRow.getByRole("cell")).toHaveText([
      today,
      ada,
      "gemini-3.5-flash",
      "2",
      /\d/,
      /\d/,
      /\d/,
      /\$/,
    ]);
    const bobRow = table.getByRole("row").filter({ hasText: bob });
    await expect(bobRow.getByRole("cell").nth(2)).toHaveText("gemini-2.5-pro");
    await expect(bobRow.getByRole("cell").nth(3)).toHaveText("1");

    await a.getByRole("combobox", { name: "Person" }).selectOption(bob);
    await expect(table.getByRole("row").filter({ hasText: ada })).toHaveCount(0);
    const [download] = await Promise.all([
      a.waitForEvent("download"),
      a.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    const csv = readFileSync((await download.path()) as string, "utf8").split("\r\n");
    expect(csv[0]).toBe(
      "Day,Person,Model,Runs,Input tokens,Output tokens,Thinking tokens,Estimated cost (USD)",
    );
    expect(csv.slice(1).filter(Boolean)).toEqual([
      expect.stringMatching(
        new RegExp(`^${today},${bob},gemini-2\\.5-pro,1,\\d+,\\d+,\\d+,\\d+\\.\\d{6}$`),
      ),
    ]);
  },
);
