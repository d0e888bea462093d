import { describe, expect, it } from "vitest";
import { type GuardRules, refuseRequest } from "@/lib/security/guard";

const rules: GuardRules = {
  publicHosts: [],
  boundHost: undefined,
  allowedOrigins: [],
  interfaceAddresses: () => [],
};
const head = (headers: Record<string, string>) => ({
  method: "POST",
  pathname: "/api/run",
  headers: new Headers(headers),
});

describe("refuseRequest", () => {
  it("checks the Host first, then the origin, then the body's type", () => {
    const all = { host: "attacker.example", "content-type": "text/plain" };
    expect(refuseRequest(head(all), rules)?.status).toBe(421);
    expect(refuseRequest(head({ ...all, host: "localhost:3000" }), rules)?.status).toBe(403);
    const sameOrigin = { ...all, host: "localhost:3000", origin: "http://localhost:3000" };
    expect(refuseRequest(head(sameOrigin), rules)?.status).toBe(415);
    expect(
      refuseRequest(head({ ...sameOrigin, "content-type": "application/json" }), rules),
    ).toBeUndefined();
  });
});
