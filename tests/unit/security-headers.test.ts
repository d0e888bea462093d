import { describe, expect, it } from "vitest";
import {
  API_POLICY,
  contentSecurityPolicy,
  newNonce,
  securityHeaders,
  setsOwnPolicy,
  withSecurityHeaders,
} from "@/lib/security/headers";

const directives = (csp: string) =>
  Object.fromEntries(
    csp.split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );

describe("contentSecurityPolicy", () => {
  it("lets only this request's nonced scripts run, and nothing frame the page", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123", dev: false }));
    expect(csp["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'none'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
    expect(csp["worker-src"]).toEqual(["'self'"]);
    expect(csp["img-src"]).toEqual(["'self'", "blob:", "data:"]);
    expect(csp["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("allows eval in development only", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: false })).not.toContain("unsafe-eval");
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true }))["script-src"]).toContain(
      "'unsafe-eval'",
    );
  });
});

describe("newNonce", () => {
  it("is fresh base64 each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});

describe("securityHeaders", () => {
  it("sets the policy and the fixed headers", () => {
    expect(securityHeaders("default-src 'self'")).toEqual({
      "content-security-policy": "default-src 'self'",
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "permissions-policy": "microphone=(self), camera=(), geolocation=()",
    });
  });

  it("leaves the policy to a route with its own", () => {
    expect(securityHeaders(undefined)).not.toHaveProperty("content-security-policy");
    expect(setsOwnPolicy(`/api/media/${"a".repeat(64)}`)).toBe(true);
    expect(setsOwnPolicy("/api/media")).toBe(false);
    expect(setsOwnPolicy("/")).toBe(false);
  });
});

describe("withSecurityHeaders", () => {
  it("adds what an API answer lacks and keeps a route's own policy", () => {
    const plain = withSecurityHeaders(Response.json({}));
    expect(plain.headers.get("content-security-policy")).toBe(API_POLICY);
    expect(plain.headers.get("x-frame-options")).toBe("DENY");
    const own = withSecurityHeaders(
      new Response("x", { headers: { "content-security-policy": "sandbox" } }),
    );
    expect(own.headers.get("content-security-policy")).toBe("sandbox");
    expect(own.headers.get("referrer-policy")).toBe("no-referrer");
  });
});
