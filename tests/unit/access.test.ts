import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bindRefusal, requestedHost } from "@/lib/auth/server/bind-rule";
import {
  type AccessRules,
  identify,
  refuseUnsignedIn,
  safeReturnPath,
  signInUrl,
} from "@/lib/auth/server/gate";
import { sessionKey } from "@/lib/auth/server/session-key";
import { SESSION_COOKIE, signSession } from "@/lib/auth/server/session-token";
import { readSignInForm, signIn } from "@/lib/auth/server/sign-in";
import { MAX_FAILURES, SignInLimit, WINDOW_MS } from "@/lib/auth/server/sign-in-limit";
import type { AppError } from "@/lib/errors";

const rules = (over: Partial<AccessRules> = {}): AccessRules => ({
  accessCodes: ["tangerine-42", "second code"],
  sessionSecret: "a-session-secret-of-at-least-32-characters!",
  trustedUserHeader: undefined,
  dataDir: mkdtempSync(join(tmpdir(), "access-")),
  ...over,
});

const request = (path: string, headers: Record<string, string> = {}) => ({
  method: "GET",
  pathname: path,
  headers: new Headers({ "x-forwarded-for": "127.0.0.1", ...headers }),
});

async function cookieFor(r: AccessRules, code = "tangerine-42", name = "Ada") {
  const token = await signIn({ code, name }, "client", r, new SignInLimit());
  return `${SESSION_COOKIE}=${token}`;
}

describe("signing in", () => {
  it("lets a right code in under the given name, and that cookie names the person", async () => {
    const r = rules();
    const cookie = await cookieFor(r, "second code", "Grace");
    expect(await identify(new Headers({ cookie: `theme=dark; ${cookie}` }), r)).toEqual({
      name: "Grace",
      via: "code",
    });
  });

  it("refuses a wrong code, says how many tries are left, then makes the client wait", async () => {
    let now = 1_000_000;
    const limit = new SignInLimit(() => now);
    const r = rules();
    const attempt = () => signIn({ code: "guess", name: "Eve" }, "10.0.0.7", r, limit);
    for (let i = 1; i < MAX_FAILURES; i++) {
      await expect(attempt()).rejects.toMatchObject({
        body: { code: "unauthorized", message: expect.stringContaining(`${MAX_FAILURES - i} tr`) },
      });
    }
    const blocked = (await attempt().catch((e: unknown) => e)) as AppError;
    expect(blocked.body).toMatchObject({ code: "limit:sign_in", status: 429 });
    expect(blocked.body.retryAfterMs).toBe(WINDOW_MS);
    // Even the right code waits; another client does not.
    await expect(
      signIn({ code: "tangerine-42", name: "Eve" }, "10.0.0.7", r, limit),
    ).rejects.toMatchObject({ body: { code: "limit:sign_in" } });
    await expect(
      signIn({ code: "tangerine-42", name: "Bob" }, "10.0.0.8", r, limit),
    ).resolves.toBeTypeOf("string");
    now += WINDOW_MS + 1;
    await expect(
      signIn({ code: "tangerine-42", name: "Eve" }, "10.0.0.7", r, limit),
    ).resolves.toBeTypeOf("string");
  });

  it("says what the form lacks", () => {
    expect(() => readSignInForm({ code: "", name: "A" })).toThrow("Enter the access code");
    expect(() => readSignInForm({ code: "x", name: "  " })).toThrow("Enter your name");
    expect(() => readSignInForm({ code: "x", name: "n".repeat(61) })).toThrow("at most 60");
    expect(readSignInForm({ code: " x ", name: " Ada " })).toEqual({ code: "x", name: "Ada" });
  });

  it("does not take a cookie signed with another key, expired, or opened with a removed code", async () => {
    const r = rules();
    const cookie = await cookieFor(r);
    expect(await identify(new Headers({ cookie }), { ...r, sessionSecret: "x".repeat(40) })).toBe(
      undefined,
    );
    expect(await identify(new Headers({ cookie }), { ...r, accessCodes: ["second code"] })).toBe(
      undefined,
    );
    const forged = await signSession(
      "Mallory",
      "made-up-tag",
      sessionKey(r.sessionSecret, r.dataDir),
    );
    expect(await identify(new Headers({ cookie: `${SESSION_COOKIE}=${forged}` }), r)).toBe(
      undefined,
    );
    const tampered = cookie.replace(/\.([^.]*)$/, ".AAAA$1");
    expect(await identify(new Headers({ cookie: tampered }), r)).toBeUndefined();
  });

  it("keeps a generated secret in the data folder, readable only by the server", () => {
    const dir = mkdtempSync(join(tmpdir(), "secret-"));
    const first = sessionKey(undefined, dir);
    const kept = readFileSync(join(dir, "session-secret"), "utf8");
    expect(kept.length).toBeGreaterThanOrEqual(32);
    expect(new TextDecoder().decode(first)).toBe(kept);
    expect(statSync(join(dir, "session-secret")).mode & 0o077).toBe(0);
  });
});

describe("the gate", () => {
  it("answers 401 to anyone not signed in, except on the sign-in page, its route and health", async () => {
    const r = rules();
    for (const path of ["/", "/compare", "/api/run", "/api/models", "/api/media/abc"]) {
      expect((await refuseUnsignedIn(request(path), r))?.status, path).toBe(401);
    }
    for (const path of ["/sign-in", "/api/session", "/api/health", "/api/health/"]) {
      expect(await refuseUnsignedIn(request(path), r), path).toBeUndefined();
    }
    const cookie = await cookieFor(r);
    expect(await refuseUnsignedIn(request("/api/run", { cookie }), r)).toBeUndefined();
  });

  it("takes a trusted proxy's header only when one is configured", async () => {
    const r = rules({ trustedUserHeader: "x-forwarded-user" });
    const named = request("/", { "x-forwarded-user": "ada@example.com" });
    expect(await identify(named.headers, r)).toEqual({ name: "ada@example.com", via: "proxy" });
    expect(await refuseUnsignedIn(named, r)).toBeUndefined();
    expect((await refuseUnsignedIn(named, rules()))?.status).toBe(401);
  });

  it("with no code, answers this machine only", async () => {
    const open = rules({ accessCodes: [] });
    expect(await refuseUnsignedIn(request("/"), open)).toBeUndefined();
    expect(
      await refuseUnsignedIn(request("/", { "x-forwarded-for": "::1" }), open),
    ).toBeUndefined();
    const remote = request("/", { "x-forwarded-for": "127.0.0.1, 192.168.1.20" });
    expect((await refuseUnsignedIn(remote, open))?.body.code).toBe("forbidden:remote");
    const unknown = { ...request("/"), headers: new Headers() };
    expect((await refuseUnsignedIn(unknown, open))?.body.code).toBe("forbidden:remote");
  });

  it("sends a page back only to a path of this site after sign-in", () => {
    expect(signInUrl("/compare?x=1")).toBe("/sign-in?next=%2Fcompare%3Fx%3D1");
    expect(safeReturnPath("/compare?x=1")).toBe("/compare?x=1");
    for (const evil of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "/\t/evil.example",
      "/sign-in",
      null,
    ]) {
      expect(safeReturnPath(evil), String(evil)).toBe("/");
    }
  });
});

describe("where the server may listen", () => {
  it("refuses every interface or another address without a code, and says how to set one", () => {
    expect(bindRefusal("127.0.0.1", false)).toBeUndefined();
    expect(bindRefusal("::1", false)).toBeUndefined();
    expect(bindRefusal("0.0.0.0", true)).toBeUndefined();
    expect(bindRefusal(undefined, false)).toContain("PLAYGROUND_ACCESS_CODE");
    expect(bindRefusal("192.168.1.5", false)).toContain("192.168.1.5");
  });

  it("reads the address from next's flags or the standalone server's HOSTNAME", () => {
    expect(requestedHost(["node", "next", "start", "-H", "127.0.0.1"], {})).toBe("127.0.0.1");
    expect(requestedHost(["node", "next", "start", "--hostname=::1"], {})).toBe("::1");
    expect(requestedHost(["node", "next", "start"], { HOSTNAME: "127.0.0.1" })).toBeUndefined();
    expect(requestedHost(["node", "/app/server.js"], { HOSTNAME: "0.0.0.0" })).toBeUndefined();
    expect(requestedHost(["node", "/app/server.js"], { HOSTNAME: "127.0.0.1" })).toBe("127.0.0.1");
  });
});
