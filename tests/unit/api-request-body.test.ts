import { afterEach, describe, expect, it, vi } from "vitest";
import { handle } from "@/lib/api/handle";
import { InflightBytes } from "@/lib/api/limits";
import { preparePrompt } from "@/lib/api/prepare";
import { AppError } from "@/lib/errors";
import { deepestPath, shortenPath } from "@/lib/http/json-depth";
import { readJsonBody } from "@/lib/http/read-json";

const URL_ = "http://localhost:3000/api/run";
const jsonHeaders = {
  host: "localhost:3000",
  // The peer address the server stamps on every request: this machine's.
  "x-forwarded-for": "127.0.0.1",
  "content-type": "application/json",
  origin: "http://localhost:3000",
};

const nested = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { items: value };
  return value;
};

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof AppError) return error;
  throw new Error(`expected an AppError, got ${String(error)}`);
}

describe("JSON nesting depth", () => {
  it("finds where a value first nests too deep, without recursion, even 100,000 deep", () => {
    expect(deepestPath({ a: [1, { b: 2 }] }, 3)).toBeUndefined();
    expect(deepestPath({ a: [1, { b: {} }] }, 3)).toEqual({ field: "a.1.b", depth: 4 });
    const deep = { config: { responseSchema: nested(100_000) } };
    const found = deepestPath(deep, 64);
    expect(found?.depth).toBe(65);
    expect(found?.field).toBe(
      "config.responseSchema.items.items.items.items.…(55 more).items.items.items",
    );
    // The array form is iterative too.
    const text = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(deepestPath(JSON.parse(text), 64)?.depth).toBe(65);
  });

  it("shortens long paths, keeping their ends", () => {
    expect(shortenPath(["a", "b"])).toBe("a.b");
    expect(shortenPath([])).toBe("(document)");
  });

  it("refuses a deep document with 400 bad_request:json naming the field", async () => {
    const doc = {
      model: "gemini-2.5-flash",
      contents: [{ role: "user", parts: [{ kind: "text", text: "hi" }] }],
      config: { responseSchema: nested(3000) },
    };
    const error = await refusal(preparePrompt(doc));
    expect(error.body).toMatchObject({ code: "bad_request:json", status: 400 });
    expect(error.body.field).toMatch(/^config\.responseSchema\.items\./);
    expect(error.message).toContain("PLAYGROUND_MAX_JSON_DEPTH");
  });
});

describe("reading a body within the in-flight budget", () => {
  it("reserves the declared length up front and gives it back after the read", async () => {
    const bytes = new InflightBytes({ total: 100, perClient: 50 });
    const other = bytes.open("a");
    other.ensure(40);
    const body = JSON.stringify({ text: "x".repeat(30) });
    const request = new Request(URL_, {
      method: "POST",
      body,
      headers: { "content-length": String(body.length) },
    });
    const error = await refusal(
      readJsonBody(request, { maxBytes: 1000, reservation: bytes.open("a") }),
    );
    expect(error.body.code).toBe("limit:bytes");
    expect(bytes.held).toBe(40);
    other.release();
    const ok = new Request(URL_, { method: "POST", body });
    expect(await readJsonBody(ok, { maxBytes: 1000, reservation: bytes.open("a") })).toEqual({
      text: "x".repeat(30),
    });
    expect(bytes.held).toBe(0);
  });
});

describe("document limits before the schema", () => {
  const doc = (contents: unknown) => ({ model: "gemini-2.5-flash", contents });

  it("refuses more parts than the server takes, in milliseconds for 300,000 parts", async () => {
    const parts = Array.from({ length: 200 }, () => ({ kind: "text", text: "x" }));
    const contents = Array.from({ length: 1500 }, () => ({ role: "user", parts }));
    const started = performance.now();
    const error = await refusal(preparePrompt(doc(contents)));
    expect(performance.now() - started).toBeLessThan(100);
    expect(error.body).toMatchObject({ code: "bad_request:prompt", field: "contents" });
    expect(error.message).toContain("300,000 parts");
    expect(error.message).toContain("PLAYGROUND_MAX_PARTS");
  });

  it("refuses an empty prompt in words a person understands", async () => {
    const none = await refusal(preparePrompt(doc([])));
    expect(none.body).toMatchObject({ code: "bad_request:prompt", field: "contents" });
    expect(none.message).toMatch(/^The prompt has no messages\. Write a message/);
    const empty = await refusal(preparePrompt(doc([{ role: "user", parts: [] }])));
    expect(empty.message).toMatch(/^The prompt's turns are all empty\./);
  });
});

describe("a client that goes away", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is a normal end: no error line and no stack in the log", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const infos = vi.spyOn(console, "info").mockImplementation(() => {});
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"model":'));
        setTimeout(
          () => controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" })),
          10,
        );
      },
    });
    const request = new Request(URL_, {
      method: "POST",
      headers: jsonHeaders,
      body,
      duplex: "half",
    } as RequestInit);
    const route = handle(async (r) => Response.json(await readJsonBody(r, { maxBytes: 1000 })));
    const response = await route(request);
    expect(response.status).toBe(499);
    expect(errors).not.toHaveBeenCalled();
    expect(infos.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringContaining('"client closed the request"'),
    ]);
  });

  it("still logs a real failure with its stack", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const route = handle(async () => {
      throw new TypeError("a bug");
    });
    const response = await route(
      new Request(URL_, { method: "POST", headers: jsonHeaders, body: "{}" }),
    );
    expect(response.status).toBe(500);
    expect(String(errors.mock.calls[0]?.[0])).toContain("unhandled route error");
  });
});
