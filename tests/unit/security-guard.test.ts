import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type GuardRules, refuseRequest } from "@/lib/security/guard";

const rules: GuardRules = {
  publicHosts: [],
  boundHost: undefined,
  allowedOrigins: [],
  interfaceAddresses: () => [],
  accessCodes: [],
  sessionSecret: undefined,
  trustedUserHeader: undefined,
  dataDir: mkdtempSync(join(tmpdir(), "guard-")),
};
const head = (headers: Record<string, string>) => ({
  method: "POST",
  pathname: "/api/run",
  headers: new Headers({ "x-forwarded-for": "127.0.0.1", ...headers }),
});

describe("refuseRequest", () => {
  it("checks the Host first, then who is asking, then the origin, then the body's type", async () => {
    const all = { host: "attacker.example", "content-type": "text/plain" };
    expect((await refuseRequest(head(all), rules))?.status).toBe(421);
    const local = { ...all, host: "localhost:3000" };
    expect((await refuseRequest(head(local), { ...rules, accessCodes: ["c"] }))?.status).toBe(401);
    const remote = head({ ...local, "x-forwarded-for": "10.0.0.9" });
    expect((await refuseRequest(remote, rules))?.body.code).toBe("forbidden:remote");
    expect((await refuseRequest(head(local), rules))?.body.code).toBe("forbidden:origin");
    const sameOrigin = { ...local, origin: "http://localhost:3000" };
    expect((await refuseRequest(head(sameOrigin), rules))?.status).toBe(415);
    expect(
      await refuseRequest(head({ ...sameOrigin, "content-type": "application/json" }), rules),
    ).toBeUndefined();
  });
});
