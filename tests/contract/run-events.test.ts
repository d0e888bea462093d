import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { preparePrompt } from "@/lib/api/prepare";
import { offlineEmulator } from "@/lib/gemini/offline";
import { openRun, type RunOptions } from "@/lib/gemini/run";
import type { PromptDocInput } from "@/lib/prompt";
import type { RunEvent } from "@/lib/run/events";
import { foldRunActions, initialRunState, type RunState } from "@/lib/run/reducer";

/**
 * The run producer on its own: a prompt document goes through the one prepare step and comes
 * back as typed events from the emulator in this process, with no browser and no HTTP server of
 * the app in between. What it yields is what /api/run encodes, compare will run N of, and
 * snapshots will store.
 */
const dataDir = mkdtempSync(join(tmpdir(), "run-events-"));
const saved = { ...process.env };
delete process.env.GEMINI_API_KEY;
delete process.env.GOOGLE_API_KEY;
delete process.env.GEMINI_BASE_URL;
process.env.PLAYGROUND_DATA_DIR = dataDir;
afterAll(() => {
  process.env = saved;
});

const ask = (text: string, rest: Partial<PromptDocInput> = {}): PromptDocInput => ({
  model: "gemini-2.5-flash",
  contents: [{ role: "user", parts: [{ kind: "text", text }] }],
  ...rest,
});

async function open(
  doc: PromptDocInput,
  signal = new AbortController().signal,
  timeouts?: RunOptions["timeouts"],
) {
  const { upstream } = await preparePrompt(doc, signal);
  return openRun(upstream, { requestId: "req-test", signal, timeouts });
}

async function collect(events: AsyncIterable<RunEvent>): Promise<RunEvent[]> {
  const out: RunEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

async function run(doc: PromptDocInput): Promise<{ events: RunEvent[]; state: RunState }> {
  const events = await collect(await open(doc));
  return { events, state: foldRunActions(initialRunState(), events) };
}

const types = (events: RunEvent[]) => events.map((e) => e.type);
const chunkParts = (events: RunEvent[]) =>
  events.flatMap((e) => (e.type === "chunk" ? (e.data.candidates?.[0]?.content?.parts ?? []) : []));

describe("a run as event values", () => {
  it("streams plain text between a meta and a timing meta, then done", async () => {
    const { events, state } = await run(ask("Hello there\n#emulator chunk=8"));
    expect(events[0]).toEqual({
      type: "meta",
      data: { requestId: "req-test", model: "gemini-2.5-flash", simulated: true, api: "gemini" },
    });
    expect(types(events).slice(-2)).toEqual(["meta", "done"]);
    expect(types(events).filter((t) => t === "chunk").length).toBeGreaterThan(2);
    const timing = events.at(-2)?.type === "meta" ? events.at(-2)?.data : undefined;
    expect(timing).toMatchObject({ timing: { firstChunkMs: expect.any(Number) } });
    expect(state.status).toBe("done");
    expect(state.parts.find((p) => p.kind === "text")?.text).toContain("Hello there");
    expect(state.usage?.totalTokenCount).toBeGreaterThan(0);
  });

  it("carries thoughts first and a signature on the answer", async () => {
    const { state } = await run(
      ask("Think first\n#emulator chunk=16", { config: { thinking: { includeThoughts: true } } }),
    );
    expect(state.parts[0]?.kind).toBe("thought");
    const answer = state.parts.find((p) => p.kind === "text");
    expect(answer && "thoughtSignature" in answer && answer.thoughtSignature).toMatch(
      /^[A-Za-z0-9+/]+=*$/,
    );
  });

  it("yields function calls generated from the declared schema", async () => {
    const { state } = await run(
      ask("Weather in Oslo?", {
        tools: {
          functionDeclarations: [
            {
              name: "get_weather",
              parameters: {
                type: "object",
                properties: { city: { type: "string" } },
                required: ["city"],
              },
            },
          ],
          functionCallingMode: "ANY",
        },
      }),
    );
    const call = state.parts.find((p) => p.kind === "functionCall");
    expect(call).toMatchObject({ kind: "functionCall", name: "get_weather" });
    expect(call?.kind === "functionCall" && typeof call.args.city).toBe("string");
  });

  it("keeps grounding metadata from the last chunk", async () => {
    const { state } = await run(
      ask("Who won the match?", { model: "gemini-2.5-pro", tools: { googleSearch: true } }),
    );
    expect(state.groundingMetadata?.groundingChunks?.length).toBeGreaterThan(0);
    expect(state.groundingMetadata?.webSearchQueries?.length).toBeGreaterThan(0);
  });

  it("yields code and its result for code execution", async () => {
    const { state } = await run(
      ask("Compute 6*7 with code", {
        model: "gemini-3-flash-preview",
        tools: { codeExecution: true },
      }),
    );
    const kinds = state.parts.map((p) => p.kind);
    expect(kinds).toContain("executableCode");
    expect(kinds).toContain("codeExecutionResult");
  });

  it("stores a generated image and yields a reference, never base64", async () => {
    const { events, state } = await run(ask("A red kite", { model: "gemini-2.5-flash-image" }));
    expect(chunkParts(events).some((p) => p.inlineData)).toBe(false);
    const image = state.parts.find((p) => p.kind === "media");
    expect(image).toMatchObject({ kind: "media", mimeType: "image/png" });
    expect(image?.kind === "media" && image.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gathers streamed speech into one stored WAV part", async () => {
    const { events, state } = await run(
      ask("Say hello warmly", {
        model: "gemini-2.5-flash-preview-tts",
        config: { speech: { voices: [{ voice: "Kore" }] } },
      }),
    );
    expect(chunkParts(events).some((p) => p.inlineData)).toBe(false);
    const audio = state.parts.filter((p) => p.kind === "media");
    expect(audio).toHaveLength(1);
    expect(audio[0]).toMatchObject({ mimeType: "audio/wav" });
    expect(audio[0]?.kind === "media" && audio[0].bytes).toBeGreaterThan(44);
  });

  it("answers an Imagen prompt through generateImages, one picture per part", async () => {
    const { events, state } = await run(
      ask("A lighthouse at dusk", {
        model: "imagen-4.0-generate-001",
        config: { numberOfImages: 2, imageAspectRatio: "16:9" },
      }),
    );
    expect(types(events)).toEqual(["meta", "chunk", "meta", "done"]);
    const pictures = state.parts.filter((p) => p.kind === "media");
    expect(pictures).toHaveLength(2);
    expect(pictures.every((p) => p.kind === "media" && p.mimeType === "image/png")).toBe(true);
    const [predict] = offlineEmulator()
      .log.list()
      .filter((e) => e.path.endsWith(":predict"))
      .slice(-1);
    expect(predict).toBeDefined();
  });

  it("yields the meta at once and Gemini's outright refusal as an error event", async () => {
    const { events, state } = await run(ask("#emulator error=429 retryDelay=3s"));
    expect(types(events)).toEqual(["meta", "error", "meta", "done"]);
    expect(events[1]?.data).toEqual({
      code: "rate_limit:gemini",
      status: 429,
      googleStatus: "RESOURCE_EXHAUSTED",
      retryable: true,
      retryAfterMs: 3000,
      requestId: "req-test",
      message:
        "Quota exceeded for gemini-2.5-flash (Gemini answered 429 RESOURCE_EXHAUSTED). Try again in 3 s, or use another model.",
    });
    expect(state.error).toMatchObject({ code: "rate_limit:gemini", retryAfterMs: 3000 });
  });

  it("opens the upstream call only once the opening meta was taken", async () => {
    const marker = `lazy-${Math.random().toString(36).slice(2)}`;
    const asked = () =>
      offlineEmulator()
        .log.list()
        .some((e) => e.promptExcerpt?.includes(marker));
    const events = (await open(ask(`${marker}\n#emulator tokens=20`)))[Symbol.asyncIterator]();
    const first = await events.next();
    expect(first.value).toMatchObject({ type: "meta" });
    expect(asked()).toBe(false);
    expect((await events.next()).value).toMatchObject({ type: "chunk" });
    expect(asked()).toBe(true);
    await events.return(undefined);
  });

  it("explains an error event that arrives before the first chunk as Gemini's own", async () => {
    const { events, state } = await run(ask("#emulator error=503 after=0"));
    expect(types(events)).toEqual(["meta", "error", "meta", "done"]);
    expect(state.error).toMatchObject({ code: "overloaded:gemini", status: 503, retryable: true });
    expect(state.error?.message).not.toContain("What arrived");
  });

  it("keeps a Google error's identity when it arrives after some chunks", async () => {
    const { events, state } = await run(
      ask("#emulator tokens=400 chunk=20 error=429 after=3 retryDelay=7s"),
    );
    expect(types(events).filter((t) => t === "chunk")).toHaveLength(3);
    const error = events.find((e) => e.type === "error");
    expect(error?.data).toMatchObject({
      code: "rate_limit:gemini",
      status: 429,
      googleStatus: "RESOURCE_EXHAUSTED",
      retryable: true,
      retryAfterMs: 7000,
    });
    expect(error?.data.message).toMatch(/^Quota exceeded.*What arrived before it is kept\.$/);
    expect(types(events).slice(-2)).toEqual(["meta", "done"]);
    expect(state.status).toBe("error");
    expect(state.parts.find((p) => p.kind === "text")?.text.length).toBeGreaterThan(0);
  });

  it("calls a stream cut after some chunks a broken stream, keeping what arrived", async () => {
    const { events, state } = await run(ask("#emulator tokens=400 chunk=20 disconnect=3"));
    const error = events.find((e) => e.type === "error");
    expect(error?.data).toMatchObject({ code: "stream:gemini", status: 502, retryable: true });
    expect(state.parts.find((p) => p.kind === "text")?.text.length).toBeGreaterThan(0);
  });

  it("answers a failure inside the SDK that is no network error as internal, with the request id", async () => {
    const events = await collect(
      openRun(
        { method: "generateContent", params: { model: "gemini-2.5-flash", contents: [] } },
        { requestId: "req-sdk", signal: new AbortController().signal },
      ),
    );
    const error = events.find((e) => e.type === "error");
    expect(error?.data).toMatchObject({ code: "internal", status: 500, requestId: "req-sdk" });
    expect(error?.type === "error" && error.data.message).toContain("req-sdk");
    expect(error?.type === "error" && error.data.message).not.toMatch(/reach|contents/i);
  });

  it("ends quietly on abort and closes the upstream request at once", async () => {
    const controller = new AbortController();
    const events = await open(ask("#emulator tokens=4000 rate=100/s"), controller.signal);
    const seen: RunEvent[] = [];
    const abortedAt = { ms: 0 };
    for await (const event of events) {
      seen.push(event);
      if (event.type === "chunk" && abortedAt.ms === 0) {
        abortedAt.ms = Date.now();
        controller.abort();
      }
    }
    expect(types(seen)).not.toContain("error");
    expect(types(seen)).not.toContain("done");
    const entry = offlineEmulator()
      .log.list()
      .findLast((e) => e.path.includes(":streamGenerateContent"));
    expect(entry?.outcome).toBe("client_closed");
    expect(entry?.endedAt ?? Number.POSITIVE_INFINITY).toBeLessThan(abortedAt.ms + 1000);
  });
});

describe("a run whose upstream goes quiet", () => {
  /** Collects the events with the time each arrived, and the emulator's record of the run. */
  async function timed(text: string, timeouts: RunOptions["timeouts"]) {
    const marker = `quiet-${Math.random().toString(36).slice(2)}`;
    const started = Date.now();
    const seen: { event: RunEvent; at: number }[] = [];
    for await (const event of await open(ask(`${marker}\n${text}`), undefined, timeouts)) {
      seen.push({ event, at: Date.now() - started });
    }
    const entry = offlineEmulator()
      .log.list()
      .findLast((e) => e.promptExcerpt?.includes(marker));
    const error = seen.find((s) => s.event.type === "error");
    return { started, seen, events: seen.map((s) => s.event), entry, error };
  }

  it("ends with a timeout when the first chunk does not come, and closes the upstream", async () => {
    const { started, seen, events, entry, error } = await timed("#emulator delay=5s", {
      firstChunkMs: 300,
    });
    expect(seen[0]?.at).toBeLessThan(100);
    expect(types(events)).toEqual(["meta", "error", "meta", "done"]);
    expect(error?.at).toBeGreaterThanOrEqual(290);
    expect(error?.at).toBeLessThan(1000);
    expect(error?.event.data).toMatchObject({
      code: "timeout:gemini",
      status: 504,
      retryable: true,
      requestId: "req-test",
    });
    const message = error?.event.type === "error" ? error.event.data.message : "";
    expect(message).toContain("first chunk");
    expect(message).toContain("0.3 s");
    expect(message).toContain("PLAYGROUND_UPSTREAM_FIRST_CHUNK_SECONDS");
    expect(entry?.outcome).toBe("client_closed");
    expect(entry?.endedAt ?? Number.POSITIVE_INFINITY).toBeLessThan(
      started + (error?.at ?? 0) + 1000,
    );
  });

  it("ends with a timeout when chunks stop coming, keeping what arrived", async () => {
    // One chunk every 0.5 s: the first arrives inside the generous first wait, the gap after it
    // outlasts the idle wait.
    const { started, events, entry, error } = await timed(
      "#emulator tokens=100 chunk=10 rate=20/s",
      { firstChunkMs: 5000, idleMs: 200 },
    );
    expect(types(events)).toEqual(["meta", "chunk", "error", "meta", "done"]);
    const message = error?.event.type === "error" ? error.event.data.message : "";
    expect(error?.event.data).toMatchObject({ code: "timeout:gemini", status: 504 });
    expect(message).toContain("0.2 s");
    expect(message).toContain("What arrived is kept");
    expect(message).toContain("PLAYGROUND_UPSTREAM_IDLE_SECONDS");
    const state = foldRunActions(initialRunState(), events);
    expect(state.status).toBe("error");
    expect(state.parts.find((p) => p.kind === "text")?.text.length).toBeGreaterThan(0);
    expect(entry?.outcome).toBe("client_closed");
    expect(entry?.endedAt ?? Number.POSITIVE_INFINITY).toBeLessThan(
      started + (error?.at ?? 0) + 1000,
    );
  });

  it("waits as long as chunks keep coming within the idle wait", async () => {
    const { events } = await timed("#emulator tokens=60 chunk=10 rate=50/s", {
      firstChunkMs: 1000,
      idleMs: 400,
    });
    expect(types(events)).not.toContain("error");
    expect(types(events).filter((t) => t === "chunk").length).toBeGreaterThanOrEqual(6);
    expect(events.at(-1)?.type).toBe("done");
  });
});
