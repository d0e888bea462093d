import type { Page } from "@playwright/test";
import type { MediaPart, PromptDoc } from "@/lib/prompt";
import { emptyPromptDoc } from "@/lib/prompt/text";

const STORAGE_KEY = "gemini-playground:draft";

/**
 * Open the page with a saved draft, as a person's own earlier session would have left it: the
 * draft is put in localStorage (the persist format of lib/store/create-store.ts) before any of the
 * app's scripts run, on the first load of the test's tab only.
 */
export async function openWithDraft(
  page: Page,
  draft: Partial<PromptDoc>,
  promptBox: { attachments?: MediaPart[] } = {},
) {
  const doc: PromptDoc = { ...emptyPromptDoc("gemini-2.5-flash"), ...draft };
  const saved = {
    state: {
      draft: doc,
      promptText: "",
      attachments: promptBox.attachments ?? [],
      modelSource: "user",
      settingsOpen: true,
      systemOpen: true,
    },
    version: 1,
  };
  // Before any of the app's scripts run, and only on the first load of this test's tab.
  await page.addInitScript(
    ([key, value]) => {
      // Init scripts run in every frame, the sandboxed search-suggestions frame included.
      if (window !== window.top || sessionStorage.getItem("e2e-seeded")) return;
      sessionStorage.setItem("e2e-seeded", "1");
      localStorage.setItem(key, value);
    },
    [STORAGE_KEY, JSON.stringify(saved)] as const,
  );
  await page.goto("/");
}
