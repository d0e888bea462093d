import { expect, type Page, test } from "@playwright/test";
import type { Turn } from "@/lib/prompt";
import { generateConversation } from "@/tests/bench/conversation-fixture";
import { chat } from "./support/chat";
import { openWithDraft } from "./support/saved-draft";

/**
 * A long conversation restored from the saved draft renders only the turns near the viewport, and
 * still behaves as a whole document: find in page reaches any turn, Copy takes a whole turn,
 * the keyboard moves between turns, a reload comes back to the same place, and typing in the
 * prompt box leaves the conversation alone. 200 turns, 400,000 characters, with code, tables and
 * math (the benchmark's generator, tests/bench/conversation-fixture.ts).
 */

const NEEDLE = "needle-quasar-1729";
/** A far turn: the conversation opens at its end, about 200,000 px below it. */
const FAR = 3;

function longConversation(): Turn[] {
  const turns = generateConversation({ pairs: 100, totalChars: 400_000 });
  const far = turns[FAR] as Turn;
  const [first] = far.parts;
  if (first?.kind !== "text") throw new Error("the fixture's turns are text");
  turns[FAR] = { ...far, parts: [{ ...first, text: `${first.text} The ${NEEDLE} is here.` }] };
  return turns;
}

const turnText = (turn: Turn) => turn.parts.map((p) => (p.kind === "text" ? p.text : "")).join("");

/** The conversation's scroll container and its turns, as the page lays them out. */
const scroller = (page: Page) => page.locator("main > div.overflow-y-auto");
const turnAt = (page: Page, index: number) => page.locator(`article[data-turn="${index}"]`);
/** The last answer's first table: there once that answer has rendered its markdown. */
const lastAnswerTable = (page: Page) =>
  turnAt(page, turns.length - 1)
    .locator("table")
    .first();

/**
 * Which turn is at the top edge of the view, how far into it, and the words a little below the
 * edge (under the turn's sticky header), 4 px above and below too.
 */
function topOfView(page: Page) {
  return scroller(page).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const turns = [...el.querySelectorAll<HTMLElement>("article[data-turn]")];
    const first = turns.find((t) => t.getBoundingClientRect().bottom > box.top);
    const wordsAt = (y: number) =>
      document.elementFromPoint(box.left + box.width / 2, box.top + y)?.textContent?.slice(0, 80);
    return {
      turn: Number(first?.dataset.turn),
      offset: Math.round(box.top - (first?.getBoundingClientRect().top ?? 0)),
      words: [wordsAt(60), wordsAt(56), wordsAt(64)],
    };
  });
}

/** Resolves once nothing in the conversation has changed for `quietMs` (reveals, highlighting). */
function settled(page: Page, quietMs = 1_000) {
  return page.locator('section[aria-label="Conversation"]').evaluate(
    (section, quiet) =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, quiet);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, quiet);
        });
        function done() {
          observer.disconnect();
          resolve();
        }
        observer.observe(section, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      }),
    quietMs,
  );
}

let turns: Turn[];

test.beforeAll(() => {
  turns = longConversation();
});

test.beforeEach(async ({ page }) => {
  await openWithDraft(page, { contents: turns });
  // Opened at the end, with the last answer rendered as markdown.
  await expect(lastAnswerTable(page)).toBeVisible();
});

test("only turns near the view render their markdown; far ones are plain text in the page", async ({
  page,
}) => {
  await settled(page);
  const rendered = await page.locator("article[data-turn]:has(.markdown-body)").count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(10);
  await expect(turnAt(page, FAR).locator(".markdown-body")).toHaveCount(0);
  await expect(page.locator("article[data-turn]")).toHaveCount(turns.length);
});

test("turns scrolled far away go back to plain text: the page holds a few, however far one reads", async ({
  page,
}) => {
  test.setTimeout(90_000);
  // From the end to the top, a screenful or so at a time: every turn comes near on the way.
  for (let step = 1; ; step++) {
    const top = await scroller(page).evaluate((el, y) => {
      el.scrollTop = el.scrollHeight - el.clientHeight - y;
      return el.scrollTop;
    }, step * 2_500);
    await page.waitForTimeout(150);
    if (top <= 0) break;
  }
  await settled(page);
  await expect(turnAt(page, 1).locator(".markdown-body").first()).toBeVisible();
  const rendered = await page.locator("article[data-turn]:has(.markdown-body)").count();
  expect(rendered).toBeLessThan(10);
  await expect(turnAt(page, 101).locator(".markdown-body")).toHaveCount(0);
  // The plain text of every turn is still there.
  await expect(turnAt(page, 101)).toContainText(turnText(turns[101] as Turn).slice(0, 80));
});

test("find in page finds the text of a far turn", async ({ page }) => {
  // Its text is in the document (not a virtualised gap), once…
  await expect(page.getByText(NEEDLE)).toHaveCount(1);
  // …and the page's own find reaches it there. (window.find is non-standard, so not in
  // TypeScript's DOM types.)
  const found = await page.evaluate((needle) => {
    if (!(window as unknown as { find(text: string): boolean }).find(needle)) return null;
    const selection = window.getSelection();
    const turn = selection?.anchorNode?.parentElement?.closest<HTMLElement>("article[data-turn]");
    return { text: String(selection), turn: Number(turn?.dataset.turn) };
  }, NEEDLE);
  expect(found).toEqual({ text: NEEDLE, turn: FAR });
});

test("Copy on a far turn copies the whole turn", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const far = turnAt(page, FAR);
  await far.scrollIntoViewIfNeeded();
  await far.hover();
  await far.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(far.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(turnText(turns[FAR] as Turn));
  expect(copied.length).toBeGreaterThan(1_000);
});

test("the keyboard moves from the prompt box back through the turns and forward again", async ({
  page,
}) => {
  const last = turns.length - 1;
  const lastActions = page.getByRole("group", { name: `Model turn ${last + 1} actions` });
  const previousActions = page.getByRole("group", { name: `User turn ${last} actions` });
  const focusedIn = (group: typeof lastActions) =>
    group.evaluate((el) => el.contains(document.activeElement));

  await chat(page).prompt.focus();
  // Back past the last answer's own controls (code and table copy buttons) to its actions…
  for (let i = 0; i < 80 && !(await focusedIn(lastActions)); i++) {
    await page.keyboard.press("Shift+Tab");
  }
  expect(await focusedIn(lastActions)).toBe(true);
  await expect(lastActions).toBeVisible();
  // …then to the turn before it…
  for (let i = 0; i < 20 && !(await focusedIn(previousActions)); i++) {
    await page.keyboard.press("Shift+Tab");
  }
  expect(await focusedIn(previousActions)).toBe(true);
  await expect(previousActions).toBeInViewport();
  // …and forward to the last one again.
  for (let i = 0; i < 20 && !(await focusedIn(lastActions)); i++) {
    await page.keyboard.press("Tab");
  }
  expect(await focusedIn(lastActions)).toBe(true);
});

test("a restored answer scrolled near lays out only its blocks near the view", async ({ page }) => {
  await settled(page);
  // An answer far above, its top brought to the top of the view.
  const answer = turnAt(page, 101);
  await answer.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await expect(answer.locator(".markdown-body").first()).toBeAttached();
  await settled(page);
  // Whether each block's contents are drawn: in a skipped block, content-visibility left them out.
  const drawn = () =>
    answer.evaluate((el) =>
      [...el.querySelectorAll(".markdown-body > *")]
        .map((block) => block.firstElementChild)
        .filter((child) => child !== null)
        .map((child) => child.checkVisibility({ contentVisibilityAuto: true })),
    );
  const atTop = await drawn();
  // Those at the top are drawn; those thousands of pixels below wait until the view nears them.
  expect(atTop[0]).toBe(true);
  expect(atTop.at(-1)).toBe(false);
  await answer.evaluate((el) => el.scrollIntoView({ block: "end" }));
  await expect(answer.locator(".markdown-body > *").last()).toBeInViewport();
  await expect.poll(async () => (await drawn()).at(-1)).toBe(true);
});

/**
 * Somewhere around the middle (a jump, as find in page would make), then a little further with
 * the wheel, as a person reads back; then a reload. Returns where the view was before it.
 */
async function reloadMidway(page: Page) {
  await settled(page);
  await scroller(page).evaluate((el) => {
    el.scrollTop = el.scrollHeight * 0.4;
  });
  const box = await scroller(page).boundingBox();
  if (!box) throw new Error("no conversation on screen");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -300);
  await settled(page);
  const before = await topOfView(page);
  expect(before.turn).toBeLessThan(turns.length - 20);
  await page.reload();
  await expect(turnAt(page, before.turn)).toBeInViewport();
  return before;
}

test("a reload comes back to where the person was, not to the end", async ({ page }) => {
  test.setTimeout(60_000);
  const before = await reloadMidway(page);
  await settled(page);
  const after = await topOfView(page);
  expect(after.turn).toBe(before.turn);
  expect(Math.abs(after.offset - before.offset)).toBeLessThanOrEqual(4);
  // The same words, not only the same distance into the turn.
  expect(after.words).toContain(before.words[0]);
  // It opened there, not at the end first: the last answer never rendered its markdown.
  await expect(turnAt(page, turns.length - 1).locator(".markdown-body")).toHaveCount(0);
});

test("after a reload, a jump further down (as find in page makes) is where the view stays", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await reloadMidway(page);
  // While the restored place is still held, as the browser's find scrolls to a match below it.
  const below = turnAt(page, turns.length - 10);
  await below.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await settled(page);
  await expect(below).toBeInViewport();
});

test("a reload at the end opens at the end", async ({ page }) => {
  await settled(page);
  await page.reload();
  await expect(lastAnswerTable(page)).toBeAttached();
  await settled(page);
  const fromEnd = await scroller(page).evaluate(
    (el) => el.scrollHeight - el.scrollTop - el.clientHeight,
  );
  expect(fromEnd).toBeLessThan(2);
});

/**
 * React's DevTools hook, standing in for the extension: React calls it after every commit.
 * Installed before the page's scripts, it sees every component that rendered, which the DOM
 * alone can't show (a re-render with the same output changes no node).
 */
const COMMIT_WATCH = `(() => {
  const watch = { commits: 0, roots: new Set(), seen: new Set(), rendered: 0, within: null };
  // A component that rendered in a commit is a fiber object the tree didn't hold before (React
  // swaps in its other copy), with PerformedWork (1) among its flags.
  const walk = (fiber, visit) => {
    for (let f = fiber; f; f = f.sibling) {
      visit(f);
      walk(f.child, visit);
    }
  };
  const inRoot = (root) => {
    let found = null;
    walk(root.current, (f) => {
      if (!found && f.stateNode === watch.within) found = f;
    });
    return found;
  };
  // The page may have more than one React root (the markdown warm-up renders into a detached
  // one): the section is in whichever holds it.
  const inSection = () => {
    for (const root of watch.roots) {
      const found = inRoot(root);
      if (found) return found;
    }
    return null;
  };
  watch.start = (element) => {
    watch.within = element;
    watch.rendered = 0;
    watch.commits = 0;
    watch.seen = new Set();
    const section = inSection();
    if (section) walk(section.child, (f) => watch.seen.add(f));
    return Boolean(section);
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject(renderer) {
      this.renderers.set(this.renderers.size + 1, renderer);
      return this.renderers.size;
    },
    onCommitFiberRoot(_id, root) {
      watch.roots.add(root);
      watch.commits += 1;
      if (!watch.within) return;
      const section = inRoot(root);
      if (!section) return;
      const seen = new Set();
      walk(section.child, (f) => {
        if (!watch.seen.has(f) && (f.flags & 1) === 1) watch.rendered += 1;
        seen.add(f);
      });
      watch.seen = seen;
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
  Object.defineProperty(window, "__commitWatch", { value: watch });
})();`;

type CommitWatch = {
  start(element: Element): boolean;
  commits: number;
  rendered: number;
};

test("typing in the prompt box changes nothing in the conversation", async ({ page }) => {
  test.setTimeout(60_000);
  await page.addInitScript(COMMIT_WATCH);
  await page.reload();
  await expect(lastAnswerTable(page)).toBeAttached();
  await settled(page);
  const section = page.locator('section[aria-label="Conversation"]');
  // Mark every element of the conversation, and record every change to it from now on.
  const watching = await section.evaluate((el) => {
    const w = window as unknown as { __changes: number; __marked: Element[] };
    w.__marked = [...el.querySelectorAll("*")];
    for (const node of w.__marked) (node as unknown as { __mark: boolean }).__mark = true;
    w.__changes = 0;
    new MutationObserver((records) => {
      w.__changes += records.length;
    }).observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
    return (window as unknown as { __commitWatch: CommitWatch }).__commitWatch.start(el);
  });
  expect(watching).toBe(true);

  const typed = "Summarize the whole conversation, please.";
  await chat(page).prompt.pressSequentially(typed, { delay: 20 });
  await expect(chat(page).prompt).toHaveValue(typed);
  // The token count and the saved draft have had their turn.
  await page.waitForTimeout(1_500);

  const after = await section.evaluate((el, length) => {
    const w = window as unknown as {
      __changes: number;
      __marked: Element[];
      __commitWatch: CommitWatch;
    };
    const now = [...el.querySelectorAll("*")];
    return {
      changes: w.__changes,
      same: now.length === w.__marked.length && now.every((n, i) => n === w.__marked[i]),
      marked: now.every((n) => (n as unknown as { __mark?: boolean }).__mark === true),
      rendered: w.__commitWatch.rendered,
      // The prompt box itself re-rendered at each keystroke: the watch saw commits.
      sawCommits: w.__commitWatch.commits >= length,
    };
  }, typed.length);
  expect(after).toEqual({ changes: 0, same: true, marked: true, rendered: 0, sawCommits: true });
});
