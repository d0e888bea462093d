import {
  type BrowserContext,
  type BrowserContextOptions,
  expect,
  type Page,
  test,
} from "@playwright/test";
import { GATE } from "./ports";
import { GATED_URL } from "./servers";

/**
 * The gated server's tests, each person a browser context of their own signed in under their
 * name (`teammate("Ada")`); every context is closed when the test ends, however it ends.
 */
export const teamTest = test.extend<{
  teammate: (name: string, options?: BrowserContextOptions) => Promise<Page>;
}>({
  baseURL: GATED_URL,
  teammate: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (name, options) => {
      const context = await browser.newContext({ baseURL: GATED_URL, ...options });
      contexts.push(context);
      const answer = await context.request.post(`${GATED_URL}/api/session`, {
        headers: { origin: GATED_URL },
        data: { code: GATE.codes[0], name },
      });
      expect(answer.ok()).toBe(true);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});
