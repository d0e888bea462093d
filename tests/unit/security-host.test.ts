import { describe, expect, it } from "vitest";
import { type HostRules, refuseHost } from "@/lib/security/host";

const rules = (extra: Partial<HostRules> = {}): HostRules => ({
  publicHosts: [],
  boundHost: undefined,
  interfaceAddresses: () => ["127.0.0.1", "192.168.1.20", "fe80::1c2b:3dff:fe4a:5b6c", "::1"],
  ...extra,
});
const code = (host: string | null, r = rules()) => refuseHost(host, r)?.body.code;

describe("refuseHost", () => {
  it.each([
    "localhost",
    "localhost:3000",
    "app.localhost:3000",
    "127.0.0.1:3000",
    "127.8.9.10",
    "[::1]:3000",
    "[0:0:0:0:0:0:0:1]",
    "LOCALHOST:3000",
  ])("answers to loopback %s", (host) => {
    expect(code(host)).toBeUndefined();
  });

  it.each([
    "attacker.example",
    "attacker.example:3000",
    "localhost.attacker.example",
    "127.0.0.1.nip.io:3000",
    "10.9.9.9:3000",
    "[fe80::1]",
    "",
    "localhost/evil",
    "a@localhost",
    "<script>:3000",
  ])("refuses %s with 421 misdirected_host", (host) => {
    const refusal = refuseHost(host, rules());
    expect(refusal?.body.code).toBe("misdirected_host");
    expect(refusal?.status).toBe(421);
    expect(refusal?.body.message).toContain("PLAYGROUND_PUBLIC_HOSTS");
  });

  it("names a refused Host only when it is well formed", () => {
    expect(refuseHost("<b>x</b>.example", rules())?.body.message).not.toContain("<b>");
    expect(refuseHost("attacker.example:3000", rules())?.body.message).toContain(
      '"attacker.example:3000"',
    );
  });

  it("refuses a request with no Host at all", () => {
    expect(code(null)).toBe("misdirected_host");
  });

  it("quotes the refused name as JSON text, cut short", () => {
    const message = refuseHost(`${"a".repeat(300)}.example`, rules())?.body.message ?? "";
    expect(message).toContain(`"${"a".repeat(100)}"`);
    expect(message).not.toContain("a".repeat(101));
  });

  it("answers to a listed public host on any port, or on the listed port only", () => {
    const r = rules({ publicHosts: ["play.example.com", "team.example.com:8443"] });
    expect(code("play.example.com", r)).toBeUndefined();
    expect(code("PLAY.example.com:3000", r)).toBeUndefined();
    expect(code("team.example.com:8443", r)).toBeUndefined();
    expect(code("team.example.com:3000", r)).toBe("misdirected_host");
    expect(code("team.example.com", r)).toBe("misdirected_host");
    expect(code("other.example.com", r)).toBe("misdirected_host");
  });

  it("answers to the address the server was bound to", () => {
    expect(code("devbox.lan:3000", rules({ boundHost: "devbox.lan" }))).toBeUndefined();
    expect(code("devbox.lan:3000")).toBe("misdirected_host");
  });

  it("answers to this machine's own IP addresses, and only to IP literals of it", () => {
    expect(code("192.168.1.20:3000")).toBeUndefined();
    expect(code("[fe80::1c2b:3dff:fe4a:5b6c]:3000")).toBeUndefined();
    expect(code("192.168.1.21:3000")).toBe("misdirected_host");
  });

  it("asks for the interface addresses only when the Host is an IP literal", () => {
    let asked = 0;
    const r = rules({
      interfaceAddresses: () => {
        asked++;
        return ["192.168.1.20"];
      },
    });
    refuseHost("attacker.example", r);
    refuseHost("localhost:3000", r);
    expect(asked).toBe(0);
    refuseHost("192.168.1.20", r);
    expect(asked).toBe(1);
  });
});
