import { expect, type Page } from "@playwright/test";

/** The chat page as a person sees it, by role and accessible name. */
export function chat(page: Page) {
  const prompt = page.getByRole("textbox", { name: "Prompt" });
  const answers = page.getByRole("article", { name: "Model turn" });
  return {
    prompt,
    run: page.getByRole("button", { name: "Run", exact: true }),
    stop: page.getByRole("button", { name: "Stop", exact: true }),
    model: page.getByRole("combobox", { name: "Model" }),
    temperature: page.getByLabel("Temperature"),
    systemInstructions: page.getByLabel("System instructions"),
    status: page.getByRole("status").filter({ hasNotText: "Offline mode" }),
    // Next.js adds an empty route-announcer alert to every page; ours lives in the main region.
    alert: page.getByRole("main").getByRole("alert"),
    answers,
    lastAnswer: answers.last(),
    async send(text: string) {
      await prompt.fill(text);
      await prompt.press("Control+Enter");
    },
    async waitUntilIdle() {
      await expect(page.getByRole("button", { name: "Stop", exact: true })).toBeHidden({
        timeout: 20_000,
      });
    },
  };
}
