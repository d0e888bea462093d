import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { InflightBytes, LIMIT_RETRY_AFTER_MS, RunSlots, UploadSlots } from "@/lib/api/limits";
import { AppError } from "@/lib/errors";
import { clientAddress, stampPeerAddresses } from "@/lib/http/client-address";

const refusalOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("run slots", () => {
  it("refuses a client's run past its own limit, naming the setting and when to retry", () => {
    const slots = new RunSlots({ total: 10, perClient: 2 });
    const a = slots.take("a");
    slots.take("a");
    const refusal = refusalOf(() => slots.take("a"));
    expect(refusal.body).toMatchObject({
      code: "limit:runs",
      status: 429,
      retryable: true,
      retryAfterMs: LIMIT_RETRY_AFTER_MS,
    });
    expect(refusal.message).toContain("PLAYGROUND_MAX_CONCURRENT_RUNS_PER_CLIENT=2");
    expect(refusal.toResponse().headers.get("retry-after")).toBe("5");
    expect(() => slots.take("b")).not.toThrow();
    a.release();
    a.release();
    expect(() => slots.take("a")).not.toThrow();
    expect(() => slots.take("a")).toThrow(AppError);
  });

  it("refuses anyone past the server's limit, and gives slots back exactly once", () => {
    const slots = new RunSlots({ total: 2, perClient: 2 });
    const a = slots.take("a");
    slots.take("b");
    expect(refusalOf(() => slots.take("c")).message).toContain("PLAYGROUND_MAX_CONCURRENT_RUNS=2");
    a.release();
    a.release();
    expect(slots.active).toBe(1);
    slots.take("c");
    expect(() => slots.take("d")).toThrow(AppError);
  });
});

describe("upload slots", () => {
  it("are counted apart from runs, and their refusals name the upload settings", () => {
    const uploads = new UploadSlots({ total: 3, perClient: 1 });
    const a = uploads.take("a");
    const mine = refusalOf(() => uploads.take("a"));
    expect(mine.body).toMatchObject({ code: "limit:uploads", status: 429, retryable: true });
    expect(mine.message).toBe(
      "You already have 1 upload in progress, the most this server allows one client (PLAYGROUND_MAX_CONCURRENT_UPLOADS_PER_CLIENT=1). Wait for one to finish, then try again in a few seconds.",
    );
    uploads.take("b");
    uploads.take("c");
    expect(refusalOf(() => uploads.take("d")).message).toContain(
      "PLAYGROUND_MAX_CONCURRENT_UPLOADS=3",
    );
    a.release();
    expect(() => uploads.take("a")).not.toThrow();
  });
});

describe("in-flight body bytes", () => {
  it("reserves what is declared, refuses what would pass the client's half, then lets go", () => {
    const bytes = new InflightBytes({ total: 1000, perClient: 500 });
    const first = bytes.open("a");
    first.ensure(400);
    const second = bytes.open("a");
    const refusal = refusalOf(() => second.ensure(200));
    expect(refusal.body).toMatchObject({ code: "limit:bytes", status: 429, retryable: true });
    expect(refusal.message).toContain("PLAYGROUND_MAX_INFLIGHT_BYTES=1000");
    // Another client still has its own half.
    const other = bytes.open("b");
    other.ensure(450);
    expect(() => bytes.open("c").ensure(200)).toThrow(AppError);
    first.release();
    first.release();
    expect(bytes.held).toBe(450);
    expect(() => second.ensure(200)).not.toThrow();
    second.release();
    other.release();
    expect(bytes.held).toBe(0);
  });

  it("counts a body without a declared length as its bytes arrive", () => {
    const bytes = new InflightBytes({ total: 1000, perClient: 500 });
    bytes.open("a").ensure(300);
    const streaming = bytes.open("a");
    streaming.ensure(100);
    streaming.ensure(150);
    expect(bytes.held).toBe(450);
    expect(() => streaming.ensure(201)).toThrow(AppError);
  });

  it("always lets a body through on its own, whatever its size", () => {
    const bytes = new InflightBytes({ total: 1000, perClient: 500 });
    const big = bytes.open("a");
    expect(() => big.ensure(5000)).not.toThrow();
    expect(() => bytes.open("b").ensure(1)).toThrow(AppError);
  });
});

describe("the client a request is counted under", () => {
  const of = (xff?: string) => clientAddress(new Headers(xff ? { "x-forwarded-for": xff } : {}));

  it("is the last hop, the address that connected", () => {
    expect(of("203.0.113.7")).toBe("203.0.113.7");
    // A client naming itself in the header it sends cannot change the hop appended after it.
    expect(of("10.9.9.9, 198.51.100.2, 203.0.113.7")).toBe("203.0.113.7");
    expect(of("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("passes over a proxy on this machine to the address it saw", () => {
    expect(of("203.0.113.7, 127.0.0.1")).toBe("203.0.113.7");
    expect(of("203.0.113.7, ::1")).toBe("203.0.113.7");
    expect(of("127.0.0.1")).toBe("127.0.0.1");
    expect(of()).toBe("unknown");
  });

  it("has the socket's address appended to what the client sent, before the handler runs", async () => {
    stampPeerAddresses();
    const server = createServer((request, response) => {
      response.end(String(request.headers["x-forwarded-for"]));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const sent = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { "x-forwarded-for": "198.51.100.2" },
      });
      expect(await sent.text()).toBe("198.51.100.2, 127.0.0.1");
      const none = await fetch(`http://127.0.0.1:${port}/`);
      expect(await none.text()).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});
