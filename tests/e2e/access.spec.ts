import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { expect, type Page, type Response, test } from "@playwright/test";
import { GATE, PORTS } from "./support/ports";
import { GATED_URL } from "./support/servers";

test.use({ baseURL: GATED_URL });

const canary = process.env.E2E_CANARY_KEY ?? "";
const [CODE] = GATE.codes;

function signInPage(page: Page) {
  return {
    code: page.getByRole("textbox", { name: "Access code" }),
    name: page.getByRole("textbox", { name: "Your name" }),
    submit: page.getByRole("button", { name: "Sign in" }),
    alert: page.getByRole("form", { name: "Sign in" }).getByRole("alert"),
    async signIn(code: string, name: string) {
      await this.code.fill(code);
      await this.name.fill(name);
      await this.submit.click();
    },
  };
}

/** Every API route the app serves, with the methods its file exports. */
function apiRoutes(): { path: string; method: string }[] {
  const root = join(process.cwd(), "app", "api");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) =>
    f.endsWith("route.ts"),
  );
  return files.flatMap((file) => {
    const path = `/api/${relative(".", join(file, ".."))}`
      .replace(/\/\.$/, "")
      .replace(/\[[^\]]+\]/g, "0".repeat(64));
    const source = readFileSync(join(root, file), "utf8");
    const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)];
    return methods.map((m) => ({ path, method: m[1] as string }));
  });
}

test("a page sends a newcomer to sign in and back; a wrong code says so; Sign out ends it", async ({
  page,
  context,
}) => {
  const seen: Promise<{ url: string; text: string }>[] = [];
  const record = async (response: Response) => ({
    url: response.url(),
    text:
      JSON.stringify(await response.allHeaders()) +
      (response.status() >= 300 && response.status() < 400
        ? ""
        : (await response.body().catch(() => Buffer.alloc(0))).toString("latin1")),
  });
  page.on("response", (response) => seen.push(record(response)));

  await page.goto("/compare?from=link");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcompare%3Ffrom%3Dlink$/);
  const form = signInPage(page);
  await form.signIn("not-the-code", "Ada");
  await expect(form.alert).toContainText("That access code is not right");
  await expect(form.code).toHaveValue("not-the-code");

  await form.signIn(` ${CODE} `, "Ada Lovelace");
  await expect(page).toHaveURL(/\/compare\?from=link$/);
  await expect(page.getByRole("region", { name: "Column 1", exact: true })).toBeVisible();
  await expect(page.getByText("Ada Lovelace")).toBeVisible();
  const [session] = (await context.cookies()).filter((c) => c.name === "playground_session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  expect(session?.value).not.toContain(CODE);

  // Signed in, the playground works: a run goes through.
  await page.goto("/");
  await page.getByRole("textbox", { name: "Prompt" }).fill("Hello\n#emulator tokens=30");
  await page.getByRole("textbox", { name: "Prompt" }).press("Control+Enter");
  await expect(page.getByRole("article", { name: "Model turn 2" })).toContainText("Emulated");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await context.cookies()).some((c) => c.name === "playground_session")).toBe(false);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);

  const responses = await Promise.all(seen);
  expect(responses.some((r) => r.url.includes("/api/run") && r.text.includes("event: chunk"))).toBe(
    true,
  );
  expect(responses.filter((r) => r.text.includes(canary)).map((r) => r.url)).toEqual([]);
});

test("every API route answers 401 in the error shape to someone not signed in", async ({
  request,
}) => {
  const routes = apiRoutes();
  expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
    expect.arrayContaining(["POST /api/run", "GET /api/models", "POST /api/media"]),
  );
  for (const { path, method } of routes) {
    const response = await request.fetch(path, {
      method,
      headers: { origin: GATED_URL, "content-type": "application/json" },
      data: method === "GET" || method === "DELETE" ? undefined : "{}",
      maxRedirects: 0,
    });
    const open = path === "/api/health" || path === "/api/session";
    if (open) {
      expect(response.status(), `${method} ${path}`).not.toBe(401);
      continue;
    }
    expect(response.status(), `${method} ${path}`).toBe(401);
    const body = await response.json();
    expect(body.error, `${method} ${path}`).toMatchObject({
      code: "unauthorized",
      message: expect.stringContaining("Sign in"),
    });
    expect(JSON.stringify(body)).not.toContain(canary);
  }
});

test("wrong codes from one address are refused for a while, with the wait", async ({ request }) => {
  // A client of its own (the server takes the hop before its own machine's proxy).
  const headers = { origin: GATED_URL, "x-forwarded-for": `10.77.${Date.now() % 250}.9` };
  const attempt = (code: string) =>
    request.post("/api/session", { headers, data: { code, name: "Mallory" } });
  for (let left = 4; left >= 1; left--) {
    const response = await attempt(`guess-${left}`);
    expect(response.status()).toBe(401);
    expect((await response.json()).error.message).toContain(`${left} tr`);
  }
  const blocked = await attempt("guess-last");
  expect(blocked.status()).toBe(429);
  expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(200);
  expect((await blocked.json()).error.message).toMatch(/Wait \d+ min/);
  // The right code waits too: guessing is what the wait is for.
  expect((await attempt(CODE as string)).status()).toBe(429);
});

test("a sign-in or a run from another site is refused", async ({ request }) => {
  const foreign = { origin: "https://evil.example" };
  const signIn = await request.post("/api/session", {
    headers: foreign,
    data: { code: CODE, name: "Eve" },
  });
  expect(signIn.status()).toBe(403);
  expect(signIn.headers()["set-cookie"]).toBeUndefined();

  const ours = await request.post("/api/session", {
    headers: { origin: GATED_URL },
    data: { code: CODE, name: "Ada" },
  });
  expect(ours.status()).toBe(200);
  // The request context keeps the cookie: signed in, a foreign origin is still refused.
  const run = await request.post("/api/run", {
    headers: foreign,
    data: { model: "gemini-2.5-flash", contents: [] },
  });
  expect(run.status()).toBe(403);
  expect((await run.json()).error.code).toBe("forbidden:origin");
});

test.describe("behind an identity-aware proxy", () => {
  test.use({ extraHTTPHeaders: { [GATE.trustedUserHeader]: "grace@example.com" } });

  test("its header lets the person in, named, without the sign-in page", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(`${GATED_URL}/`);
    await expect(page.getByText("grace@example.com")).toBeVisible();
    // Signing out is the proxy's business.
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  });
});

/** A server started here, and what it printed, until it exits or is stopped. */
function startServer(args: string[], env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {
      ...process.env,
      PLAYGROUND_ACCESS_CODE: "",
      PLAYGROUND_TRUSTED_USER_HEADER: "",
      GEMINI_API_KEY: "",
      PLAYGROUND_DATA_DIR: join(tmpdir(), "playground-e2e-bind"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: `npm start` runs next as a child, and both must stop.
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  return { child, exited, stop, output: () => output };
}

test("a server with no access code refuses to listen beyond this machine, and npm start stays on it", async () => {
  const port = PORTS.gated + 5;
  const next = join("node_modules", "next", "dist", "bin", "next");
  const wide = startServer([next, "start", "-p", String(port), "-H", "0.0.0.0"], {});
  expect(await wide.exited).toBe(1);
  expect(wide.output()).toContain("Refusing to listen on every interface without an access code");
  expect(wide.output()).toContain("PLAYGROUND_ACCESS_CODE");

  const npmStart = startServer(["scripts/start.mjs"], { PORT: String(port), HOSTNAME: "" });
  try {
    await expect
      .poll(() => npmStart.output(), { timeout: 20_000 })
      .toContain("listening on this machine only");
    await expect
      .poll(
        () =>
          fetch(`http://127.0.0.1:${port}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 20_000 },
      )
      .toBe(200);
    expect(npmStart.child.exitCode).toBeNull();
  } finally {
    await npmStart.stop();
  }
});
