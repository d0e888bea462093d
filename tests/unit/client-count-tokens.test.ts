import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countTokens } from "@/lib/client/count-tokens";
import { RequestError } from "@/lib/client/errors";
import { AppError } from "@/lib/errors";
import { emptyPromptDoc, userTextTurn } from "@/lib/prompt";

const doc = { ...emptyPromptDoc("gemini-no-such-model"), contents: [userTextTurn("Hi")] };
const UNKNOWN = 'Unknown model "gemini-no-such-model". Choose one from the model list.';

/**
 * A tiny real HTTP server standing in for ours: it answers the way the route does, with
 * `AppError.toResponse()`'s body, so the client reads bytes that went over a socket.
 */
let server: Server;
let base: string;
const seen: { method?: string; url?: string; body: unknown }[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let text = "";
    for await (const chunk of req) text += chunk;
    const body = text ? JSON.parse(text) : undefined;
    seen.push({ method: req.method, url: req.url, body });
    const answer =
      body?.model === "gemini-no-such-model"
        ? new AppError({ code: "bad_request:model", field: "model", message: UNKNOWN }).toResponse()
        : Response.json({ totalTokens: 7 });
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The browser resolves "/api/…" against the page; here, against the test server. */
const toServer: typeof fetch = (input, init) => fetch(new URL(String(input), base), init);

describe("countTokens (lib/client)", () => {
  it("posts the document to /api/count-tokens and returns the count", async () => {
    const ok = { ...doc, model: "gemini-2.5-flash" };
    await expect(countTokens(ok, { fetchImpl: toServer })).resolves.toEqual({ totalTokens: 7 });
    expect(seen.at(-1)).toEqual({ method: "POST", url: "/api/count-tokens", body: ok });
  });

  it("rejects with the server's explanation, decoded from { error: { message } }", async () => {
    const failure = await countTokens(doc, { fetchImpl: toServer }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RequestError);
    expect((failure as RequestError).message).toBe(UNKNOWN);
    expect((failure as RequestError).body).toEqual({
      code: "bad_request:model",
      field: "model",
      message: UNKNOWN,
      status: 400,
      retryable: false,
    });
  });

  it("says the server is unreachable when no answer comes back", async () => {
    const failure = await countTokens(doc, {
      fetchImpl: async () => {
        throw new TypeError("fetch failed");
      },
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RequestError);
    expect((failure as RequestError).body).toMatchObject({
      message: "Could not reach the server to count tokens.",
      status: 0,
      retryable: true,
    });
  });

  it("lets an abort through as the abort, not as a failure to show", async () => {
    const controller = new AbortController();
    controller.abort();
    const failure = await countTokens(doc, {
      signal: controller.signal,
      fetchImpl: toServer,
    }).catch((e: unknown) => e);
    expect(failure).not.toBeInstanceOf(RequestError);
    expect((failure as Error).name).toBe("AbortError");
  });
});
