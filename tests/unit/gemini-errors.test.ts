import { ApiError } from "@google/genai";
import { describe, expect, it } from "vitest";
import { parseRetryDelay, toAppError, upstreamTimeout } from "@/lib/gemini/errors";
import { registerSecret } from "@/lib/log";

const ctx = { model: "gemini-2.5-flash", upstream: "Gemini" };
const apiError = (status: number, error: object) =>
  new ApiError({ status, message: JSON.stringify({ error }) });

describe("upstream error translation", () => {
  it("explains a 429 and carries RetryInfo's delay", () => {
    const e = toAppError(
      apiError(429, {
        code: 429,
        message: "You exceeded your current quota.",
        status: "RESOURCE_EXHAUSTED",
        details: [
          { "@type": "type.googleapis.com/google.rpc.QuotaFailure" },
          { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "17s" },
        ],
      }),
      ctx,
    );
    expect(e.body).toMatchObject({
      code: "rate_limit:gemini",
      status: 429,
      googleStatus: "RESOURCE_EXHAUSTED",
      retryable: true,
      retryAfterMs: 17_000,
    });
    expect(e.body.message).toContain("Try again in 17 s");
  });

  it.each([
    [503, "UNAVAILABLE", "overloaded:gemini", true],
    [500, "INTERNAL", "internal:gemini", true],
    [504, "DEADLINE_EXCEEDED", "unavailable:gemini", true],
    [403, "PERMISSION_DENIED", "permission:gemini", false],
    [404, "NOT_FOUND", "not_found:gemini", false],
    [400, "INVALID_ARGUMENT", "invalid_argument:gemini", false],
  ])("maps %i %s to %s", (status, googleStatus, code, retryable) => {
    const e = toAppError(
      apiError(status, { code: status, message: "m", status: googleStatus }),
      ctx,
    );
    expect(e.body.code).toBe(code);
    expect(e.body.retryable).toBe(retryable);
  });

  it("keeps Google's explanation of a bad argument but never the key", () => {
    const key = "AIzaSyD-canary-0123456789abcdefghijklmno";
    registerSecret("my-private-gateway-key");
    const e = toAppError(
      apiError(400, {
        code: 400,
        message: `Penalty is not enabled for models/gemini-2.5-flash (key ${key}, my-private-gateway-key)`,
        status: "INVALID_ARGUMENT",
      }),
      ctx,
    );
    expect(e.body.message).toContain("Penalty is not enabled");
    expect(e.body.message).not.toContain(key);
    expect(e.body.message).not.toContain("my-private-gateway-key");
  });

  it("ends Google's own sentence once, then says what to do", () => {
    const e = toAppError(
      apiError(400, {
        code: 400,
        message: "The requested maxOutputTokens exceeds the model limit (8192).",
        status: "INVALID_ARGUMENT",
      }),
      ctx,
    );
    expect(e.body.message).toBe(
      "Gemini rejected the request: The requested maxOutputTokens exceeds the model limit (8192). Change the setting it names and run again.",
    );
  });

  it("says a prompt is too long for the model, with both sizes, not which setting to change", () => {
    const e = toAppError(
      apiError(400, {
        code: 400,
        message:
          "The input token count (1200345) exceeds the maximum number of tokens allowed (1048576).",
        status: "INVALID_ARGUMENT",
      }),
      ctx,
    );
    expect(e.body.message).toBe(
      "The prompt is 1,200,345 tokens, more than gemini-2.5-flash accepts (1,048,576). Shorten the conversation or the system instructions, remove large files, or choose a model with a larger context window.",
    );
  });

  it("names a field Gemini does not know, and the field it sits in", () => {
    const said = `Invalid JSON payload received. Unknown name "temprature" at 'generation_config': Cannot find field.`;
    const e = toAppError(
      apiError(400, {
        code: 400,
        message: said,
        status: "INVALID_ARGUMENT",
        details: [
          {
            "@type": "type.googleapis.com/google.rpc.BadRequest",
            fieldViolations: [{ field: "generation_config", description: said }],
          },
        ],
      }),
      ctx,
    );
    expect(e.body).toMatchObject({ code: "invalid_argument:gemini", field: "generation_config" });
    expect(e.body.message).toMatch(
      /^Gemini does not know the field "temprature" in generation_config and refused the request\./,
    );
  });

  it("says a model that answers only through the Interactions API needs another model", () => {
    const e = toAppError(
      apiError(400, {
        code: 400,
        message: "This model only supports Interactions API.",
        status: "INVALID_ARGUMENT",
      }),
      { ...ctx, model: "deep-research-preview-04-2026" },
    );
    expect(e.body.message).toMatch(
      /only through Gemini's Interactions API.*Choose another model\.$/,
    );
  });

  it("explains a lost thought signature as a conversation to rerun, not a setting", () => {
    const e = toAppError(
      apiError(400, {
        code: 400,
        message:
          "Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly.",
        status: "INVALID_ARGUMENT",
      }),
      { ...ctx, model: "gemini-3-pro-preview" },
    );
    expect(e.body.message).toMatch(
      /^Gemini refused the conversation: a function call in an earlier answer is missing its thought signature/,
    );
    expect(e.body.message).toContain("Run again from the last prompt you typed");
  });

  it("tells the owner to fix the key when Google says API_KEY_INVALID", () => {
    const e = toAppError(
      apiError(400, {
        code: 400,
        message: "API key not valid. Please pass a valid API key.",
        status: "INVALID_ARGUMENT",
        details: [
          { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID" },
        ],
      }),
      ctx,
    );
    expect(e.body.code).toBe("auth:gemini");
    expect(e.body.message).toContain("GEMINI_API_KEY");
  });

  it.each([
    ["ECONNREFUSED", { code: "ECONNREFUSED", address: "10.1.2.3", port: 8443 }],
    ["ENOTFOUND", { code: "ENOTFOUND", hostname: "gateway.internal" }],
    ["ECONNRESET", { code: "ECONNRESET" }],
    ["UND_ERR_CONNECT_TIMEOUT", { code: "UND_ERR_CONNECT_TIMEOUT" }],
    ["ECONNREFUSED", new AggregateError([], "", { cause: { code: "ECONNREFUSED" } })],
  ])("calls a failed fetch (%s) a network error, naming only Gemini", (code, cause) => {
    const e = toAppError(Object.assign(new TypeError("fetch failed"), { cause }), ctx);
    expect(e.body).toMatchObject({ code: "network:gemini", status: 502, retryable: true });
    expect(e.body.message).toContain(`Could not reach Gemini (${code})`);
    expect(e.body.message).not.toMatch(/10\.1\.2\.3|8443|gateway\.internal/);
  });

  it.each([
    ["an SDK's own check", new Error("contents are required")],
    ["a stack overflow", new RangeError("Maximum call stack size exceeded")],
    ["a TypeError that is no fetch failure", new TypeError("x.map is not a function")],
    ["something not an Error", "a string"],
  ])("answers %s as internal, plainly, with the request id", (_, error) => {
    const e = toAppError(error, { ...ctx, requestId: "req-42" });
    expect(e.body).toMatchObject({ code: "internal", status: 500 });
    expect(e.body.message).toContain("req-42");
    expect(e.body.message).not.toMatch(/reach|contents|stack|map/i);
  });

  it.each([
    ["a truncated stream", new Error("Incomplete JSON segment at the end")],
    ["an unreadable chunk", new Error("exception parsing stream chunk {. SyntaxError")],
  ])("calls %s a broken stream", (_, error) => {
    expect(toAppError(error, ctx).body).toMatchObject({ code: "stream:gemini", retryable: true });
  });

  it("says which wait ran out, for how long, and which setting raises it", () => {
    const first = upstreamTimeout("first", 120_000, "Gemini").body;
    expect(first).toMatchObject({ code: "timeout:gemini", status: 504, retryable: true });
    expect(first.message).toContain("120 s");
    expect(first.message).toContain("first chunk");
    expect(first.message).toContain("PLAYGROUND_UPSTREAM_FIRST_CHUNK_SECONDS");
    const idle = upstreamTimeout("idle", 2500, "Gemini").body.message;
    expect(idle).toContain("2.5 s");
    expect(idle).toContain("What arrived is kept");
    expect(idle).toContain("PLAYGROUND_UPSTREAM_IDLE_SECONDS");
  });

  it("parses protobuf durations", () => {
    expect(parseRetryDelay("17s")).toBe(17_000);
    expect(parseRetryDelay("0.5s")).toBe(500);
    expect(parseRetryDelay("soon")).toBeUndefined();
  });
});

describe("errors inside a stream", () => {
  it("reads the envelope from an SDK stream-error message", () => {
    const e = toAppError(
      new ApiError({
        status: 503,
        message: `got status: UNAVAILABLE. ${JSON.stringify({ error: { code: 503, message: "The model is overloaded.", status: "UNAVAILABLE" } })}`,
      }),
      ctx,
    );
    expect(e.body).toMatchObject({
      code: "overloaded:gemini",
      googleStatus: "UNAVAILABLE",
      retryable: true,
    });
  });
});
