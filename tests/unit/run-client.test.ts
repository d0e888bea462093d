import { describe, expect, it } from "vitest";
import { INTERRUPTED_MESSAGE, UNREACHABLE_MESSAGE } from "@/lib/client/errors";
import { streamRun } from "@/lib/client/run";
import { emptyPromptDoc, userTextTurn } from "@/lib/prompt";
import { encodeEvent, type RunEvent, SSE_HEADERS } from "@/lib/run/events";

const doc = { ...emptyPromptDoc("gemini-2.5-flash"), contents: [userTextTurn("Hi")] };

const events: RunEvent[] = [
  { type: "meta", data: { requestId: "req-9", model: "gemini-2.5-flash", simulated: true } },
  {
    type: "chunk",
    data: { candidates: [{ content: { role: "model", parts: [{ text: "Hello" }] }, index: 0 }] },
  },
  { type: "done", data: {} },
];

function sseResponse(list: RunEvent[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const bytes = new TextEncoder().encode(list.map(encodeEvent).join(""));
      // Split mid-event to prove decoding doesn't depend on network chunk boundaries.
      controller.enqueue(bytes.slice(0, 30));
      controller.enqueue(bytes.slice(30));
      controller.close();
    },
  });
  return new Response(body, { headers: SSE_HEADERS });
}

async function collect(fetchImpl: typeof fetch, signal = new AbortController().signal) {
  const seen: RunEvent[] = [];
  await streamRun(doc, { signal, emit: (e) => seen.push(e), fetchImpl });
  return seen;
}

describe("streamRun", () => {
  it("posts the prompt document and emits the decoded events", async () => {
    let sent: { url: string; body: unknown } | undefined;
    const seen = await collect(async (url, init) => {
      sent = { url: String(url), body: JSON.parse(await new Response(init?.body).text()) };
      return sseResponse(events);
    });
    expect(sent?.url).toBe("/api/run");
    expect(sent?.body).toEqual(doc);
    expect(seen).toEqual(events);
  });

  it("decodes a 4xx JSON answer into an error event", async () => {
    const seen = await collect(async () =>
      Response.json(
        {
          error: {
            code: "bad_request:model",
            message: "Unknown model nope.",
            status: 400,
            retryable: false,
            field: "model",
          },
        },
        { status: 400 },
      ),
    );
    expect(seen).toEqual([
      {
        type: "error",
        data: {
          code: "bad_request:model",
          message: "Unknown model nope.",
          status: 400,
          retryable: false,
          field: "model",
        },
      },
    ]);
  });

  it("turns a network failure into a clear error", async () => {
    const seen = await collect(async () => {
      throw new TypeError("fetch failed");
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      type: "error",
      data: { message: UNREACHABLE_MESSAGE, retryable: true },
    });
    expect(UNREACHABLE_MESSAGE).toMatch(/^Could not reach the playground server/);
  });

  it("reports a stream that ends without `done`", async () => {
    const seen = await collect(async () => sseResponse(events.slice(0, 2)));
    expect(seen.at(-1)).toMatchObject({ type: "error", data: { message: INTERRUPTED_MESSAGE } });
  });

  it("emits nothing after an abort", async () => {
    const controller = new AbortController();
    const seen = await collect(async (_url, init) => {
      controller.abort();
      throw init?.signal?.reason ?? new Error("aborted");
    }, controller.signal);
    expect(seen).toEqual([]);
  });
});
