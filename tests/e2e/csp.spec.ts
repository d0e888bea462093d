import { expect, test } from "@playwright/test";
import { chat } from "./support/chat";
import { openWithDraft } from "./support/saved-draft";
import { APP_URL } from "./support/servers";

/**
 * The page runs under a strict Content Security Policy (proxy.ts, lib/security/headers.ts). The
 * app must work whole under it: everything a session touches — markdown, highlighted code (a
 * worker), math, search suggestions in their frame, an attachment, the settings and a dialog —
 * without a single violation or console message.
 */
test("the whole page works under its Content Security Policy", async ({ page }) => {
  const violations: string[] = [];
  const messages: string[] = [];
  // A binding reaches every frame, the sandboxed search-suggestions frame included.
  await page.exposeBinding("__reportViolation", (_source, text: string) => {
    violations.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportViolation: (t: string) => void })
        .__reportViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile})`);
    });
  });
  page.on("console", (m) => {
    // The test's own init scripts are refused in the sandboxed search-suggestions frame, with or
    // without a policy: that frame may run no script, which is the point of it.
    if (m.text().startsWith("Blocked script execution in 'about:srcdoc'")) return;
    messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));

  const policies: string[] = [];
  page.on("response", (r) => {
    if (r.request().isNavigationRequest())
      policies.push(r.headers()["content-security-policy"] ?? "");
  });
  await openWithDraft(page, { tools: { googleSearch: true } });
  expect(policies[0]).toContain("'strict-dynamic'");
  const ui = chat(page);

  await ui.send("Show me some code");
  await ui.waitUntilIdle();
  const code = ui.lastAnswer.locator("pre code").first();
  await expect
    .poll(() =>
      code
        .locator("span")
        .evaluateAll(
          (spans) => new Set(spans.map((s) => getComputedStyle(s).color).filter(Boolean)).size,
        ),
    )
    .toBeGreaterThan(2);
  await expect(ui.lastAnswer.getByRole("table").first()).toBeVisible();
  await expect(
    page.frameLocator('iframe[title="Google Search suggestions"]').getByRole("link").first(),
  ).toBeVisible();

  await ui.send("Some formulas\n#emulator math=1");
  await ui.waitUntilIdle();
  await expect(ui.lastAnswer.locator(".katex-display")).toHaveCount(1);
  await expect(ui.lastAnswer.locator(".katex-mathml").first()).toHaveCSS("position", "absolute");

  // An attachment: uploaded by XHR, then shown from the media route.
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach files" }).click();
  await (await chooser).setFiles({
    name: "notes.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
  });
  await expect(page.getByRole("list", { name: "Attachments" })).toContainText("notes.pdf");
  await ui.send("What is in this file?");
  await ui.waitUntilIdle();
  // Our own link opens a PDF in the browser's viewer; a plain one would download it.
  const open = page.getByRole("link", { name: "Open notes.pdf" }).first();
  await expect(open).toHaveAttribute("href", /^\/api\/media\/[0-9a-f]{64}\?view=1$/);
  await expect(open).toHaveAttribute("target", "_blank");

  await page.getByRole("button", { name: "Settings panel" }).click();
  await page.getByRole("button", { name: "Settings panel" }).click();
  await expect(page.getByLabel("Temperature")).toBeVisible();
  await page.getByRole("button", { name: "Edit safety settings" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();

  // The app's own scripts did run: the nonce reached them (the page is interactive above).
  expect(violations).toEqual([]);
  expect(messages).toEqual([]);
});

test("security headers are on the page and on API routes", async () => {
  for (const path of ["/", "/api/health", "/api/models", "/no-such-page"]) {
    const response = await fetch(`${APP_URL}${path}`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "connect-src 'self'",
      "worker-src 'self'",
    ]) {
      expect(csp, path).toContain(directive);
    }
    expect(csp, "production has no eval").not.toContain("unsafe-eval");
    expect(response.headers.get("x-frame-options"), path).toBe("DENY");
    expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
    expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
    expect(response.headers.get("permissions-policy"), path).toBe(
      "microphone=(self), camera=(), geolocation=()",
    );
  }
  const [first, second] = await Promise.all([fetch(APP_URL), fetch(APP_URL)]);
  const nonce = (r: Response) => r.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/);
  expect(nonce(first)?.[1]).not.toBe(nonce(second)?.[1]);
  // Next puts the request's nonce on the scripts it renders.
  const html = await first.text();
  expect(html).toContain(`nonce="${nonce(first)?.[1]}"`);
});
