import { describe, expect, it } from "vitest";
import { countTokens } from "@/lib/client/count-tokens";
import { decodeAppError, errorBody, RequestError } from "@/lib/client/errors";
import { fetchModels } from "@/lib/client/models";
import { streamRun } from "@/lib/client/run";
import type { AppErrorBody } from "@/lib/errors";
import { AppError } from "@/lib/errors";
import { emptyPromptDoc, userTextTurn } from "@/lib/prompt";
import type { RunEvent } from "@/lib/run/events";

const doc = { ...emptyPromptDoc("gemini-2.5-flash"), contents: [userTextTurn("Hi")] };

/** Every client call, reduced to "what error did it report" for one answer from the server. */
const calls: [string, (fetchImpl: typeof fetch) => Promise<AppErrorBody | undefined>][] = [
  ["countTokens", (fetchImpl) => countTokens(doc, { fetchImpl }).then(() => undefined, body)],
  ["fetchModels", (fetchImpl) => fetchModels({ fetchImpl }).then(() => undefined, body)],
  [
    "streamRun",
    async (fetchImpl) => {
      const seen: RunEvent[] = [];
      await streamRun(doc, {
        signal: new AbortController().signal,
        emit: (e) => seen.push(e),
        fetchImpl,
      });
      const error = seen.find((e) => e.type === "error");
      return error?.type === "error" ? error.data : undefined;
    },
  ],
];

function body(error: unknown): AppErrorBody {
  if (!(error instanceof RequestError)) throw error;
  return error.body;
}

const rateLimited = new AppError({
  code: "rate_limit:gemini",
  message: "Gemini's rate limit was reached. Try again in 17 s.",
  googleStatus: "RESOURCE_EXHAUSTED",
  retryable: true,
  retryAfterMs: 17_000,
  requestId: "req-1",
});

describe("one decoder for every endpoint", () => {
  it.each(calls)("%s reports our error body as the server sent it", async (_name, call) => {
    const reported = await call(async () => rateLimited.toResponse());
    expect(reported).toEqual(rateLimited.body);
  });

  it.each(calls)("%s explains an answer without our error shape", async (_name, call) => {
    const reported = await call(
      async () => new Response("<html>Bad gateway</html>", { status: 502 }),
    );
    expect(reported).toEqual(decodeAppError(null, 502));
    expect(reported?.message).toMatch(/^The server answered 502 without an explanation/);
    expect(reported?.retryable).toBe(true);
  });
});

describe("decodeAppError", () => {
  it("keeps every field of our shape and fills what an older server left out", () => {
    expect(decodeAppError({ error: { code: "bad_request:prompt", message: "No." } }, 400)).toEqual({
      code: "bad_request:prompt",
      message: "No.",
      status: 400,
      retryable: false,
    });
  });

  it("does not mistake a top-level message for our shape", () => {
    expect(decodeAppError({ message: "Not ours" }, 400).message).toMatch(/without an explanation/);
  });
});

describe("errorBody", () => {
  it("is the decoded body of a failed request, or the caller's words for anything else", () => {
    const failed = new RequestError(rateLimited.body);
    expect(errorBody(failed, "fallback")).toBe(rateLimited.body);
    expect(errorBody(new Error("bug"), "Could not count tokens.")).toMatchObject({
      message: "Could not count tokens.",
      status: 0,
    });
  });
});
