import { describe, expect, it } from "vitest";
import { type RequestHead, refuseCrossSite, refuseNonJson } from "@/lib/security/origin";

const head = (
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
): RequestHead => ({
  method,
  pathname,
  headers: new Headers({ host: "localhost:3000", ...headers }),
});
const json = { "content-type": "application/json" };

describe("refuseCrossSite", () => {
  it("lets a same-origin Origin through", () => {
    expect(
      refuseCrossSite(head("POST", "/api/run", { origin: "http://localhost:3000" }), []),
    ).toBeUndefined();
  });

  it("lets Sec-Fetch-Site: same-origin through without an Origin", () => {
    expect(
      refuseCrossSite(head("POST", "/api/run", { "sec-fetch-site": "same-origin" }), []),
    ).toBeUndefined();
  });

  it("lets a listed origin through", () => {
    const request = head("POST", "/api/run", {
      origin: "https://play.example.com",
      "sec-fetch-site": "cross-site",
    });
    expect(refuseCrossSite(request, ["https://play.example.com"])).toBeUndefined();
  });

  it.each([
    ["a foreign origin", { origin: "http://127.0.0.1:9999", "sec-fetch-site": "cross-site" }],
    ["another port of the same host", { origin: "http://localhost:4000" }],
    ["an opaque origin", { origin: "null" }],
    ["a same-site page", { origin: "http://a.localhost:3000", "sec-fetch-site": "same-site" }],
    ["nothing at all", {}],
    ["Sec-Fetch-Site: none", { "sec-fetch-site": "none" }],
  ])("refuses %s with 403 forbidden:origin", (_, headers) => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const refusal = refuseCrossSite(head(method, "/api/run", headers), []);
      expect(refusal?.body.code).toBe("forbidden:origin");
      expect(refusal?.status).toBe(403);
      expect(refusal?.body.message).toContain("Origin: http://localhost:3000");
    }
  });

  it("guards every state change whatever its path, and no read", () => {
    expect(refuseCrossSite(head("POST", "/%61pi/run"), [])?.body.code).toBe("forbidden:origin");
    expect(refuseCrossSite(head("POST", "/api/media"), [])?.body.code).toBe("forbidden:origin");
    expect(refuseCrossSite(head("GET", "/api/models"), [])).toBeUndefined();
    expect(refuseCrossSite(head("HEAD", "/"), [])).toBeUndefined();
  });
});

describe("refuseNonJson", () => {
  it.each([
    "application/json",
    "application/json; charset=utf-8",
    "Application/JSON ;charset=UTF-8",
  ])("takes %s", (type) => {
    expect(refuseNonJson(head("POST", "/api/run", { "content-type": type }))).toBeUndefined();
  });

  it.each([
    "text/plain",
    "text/plain; charset=utf-8",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/jsonx",
    "",
  ])("refuses %s on a JSON route with 415", (type) => {
    const headers: Record<string, string> = type ? { "content-type": type } : {};
    for (const path of ["/api/run", "/api/count-tokens", "/api/some-future-route"]) {
      const refusal = refuseNonJson(head("POST", path, headers));
      expect(refusal?.body.code).toBe("unsupported_media_type");
      expect(refusal?.status).toBe(415);
      expect(refusal?.body.message).toContain("application/json");
    }
  });

  it("lets the upload route take raw bytes", () => {
    const upload = head("POST", "/api/media", { "content-type": "text/plain" });
    expect(refuseNonJson(upload)).toBeUndefined();
    expect(refuseNonJson(head("PUT", "/api/media", { "content-type": "text/plain" }))).toEqual(
      expect.objectContaining({ status: 415 }),
    );
  });

  it("leaves reads and body-less deletes alone", () => {
    expect(refuseNonJson(head("GET", "/api/models"))).toBeUndefined();
    expect(refuseNonJson(head("DELETE", "/api/things/1"))).toBeUndefined();
    expect(refuseNonJson(head("DELETE", "/api/things/1", { "content-length": "5" }))?.status).toBe(
      415,
    );
    expect(refuseNonJson(head("PATCH", "/api/things/1", json))).toBeUndefined();
  });
});
