import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRun } from "@/lib/gemini/run";
import { blobPath } from "@/lib/media/blob-layout";
import type { Part } from "@/lib/prompt";
import { encodeEvent, type RunEvent, readEvents } from "@/lib/run/events";
import { explainBlockedPrompt, explainRefusal } from "@/lib/run/explain";
import { groundingSources } from "@/lib/run/grounding";
import { answerText, foldRunActions, initialRunState, type RunState } from "@/lib/run/reducer";
import { toSegments } from "@/lib/run/segments";
import type { WirePart } from "@/lib/wire/parts";

/**
 * Gemini's own bytes, replayed: a tiny HTTP server answers streamGenerateContent with a fixture
 * from tests/fixtures/wire (our content in the wire's exact habits, see its README), the app's
 * real producer reads it through the real SDK, the events travel as /api/run's SSE text and are
 * folded by the browser's reducer. The finished run is compared with a committed snapshot, and
 * the facts that matter most per fixture are asserted by hand, so a snapshot updated in a hurry
 * is not the only guard.
 *
 * The emulator is not used here on purpose: it shares our understanding of the wire, and these
 * fixtures are the wire as Google sends it.
 */

const FIXTURE_DIR = join(import.meta.dirname, "..", "fixtures", "wire");
const API_KEY = "wire-replay-key";
/** Odd-sized writes, so event boundaries, `\r\n\r\n` and UTF-8 characters split across reads. */
const SLICE_BYTES = 61;

const FIXTURES = [
  "stream-text.sse",
  "stream-text-no-index.sse",
  "stream-thoughts.sse",
  "stream-trailing-signature.sse",
  "stream-function-call-gemini-3.sse",
  "stream-function-call-gemini-2.sse",
  "parallel-function-calls.sse",
  "stream-grounding.sse",
  "stream-url-context.sse",
  "stream-code-execution.sse",
  "code-execution-multiple-results.sse",
  "image-generation.sse",
  "safety-finish.sse",
  "prompt-blocked.sse",
] as const;
type Fixture = (typeof FIXTURES)[number];

// ---------------------------------------------------------------------------------------------
// The fixtures as Gemini sent them

interface WireCandidate {
  content?: { parts?: WirePart[]; role?: string };
  finishReason?: string;
  finishMessage?: string;
  index?: number;
  safetyRatings?: { category: string; probability?: string; blocked?: boolean }[];
  groundingMetadata?: Record<string, unknown>;
  urlContextMetadata?: Record<string, unknown>;
}

interface WireChunk {
  candidates?: WireCandidate[];
  promptFeedback?: { blockReason?: string };
  usageMetadata?: Record<string, unknown>;
  modelVersion?: string;
  responseId?: string;
}

const fixtureText = (name: string) => readFileSync(join(FIXTURE_DIR, name), "utf8");

/** The JSON text of each `data:` event, exactly as framed on the wire. */
function eventTexts(name: string): string[] {
  return fixtureText(name)
    .split("\r\n\r\n")
    .filter((block) => block !== "")
    .map((block) => block.replace(/^data: /, ""));
}

const wireChunks = (name: string): WireChunk[] => eventTexts(name).map((t) => JSON.parse(t));
const wireParts = (name: string): WirePart[] =>
  wireChunks(name).flatMap((c) => c.candidates?.[0]?.content?.parts ?? []);
const lastChunk = (name: string): WireChunk => wireChunks(name).at(-1) as WireChunk;

/** The signature Gemini put on the first signed part that `pick` chooses. */
function signatureOf(name: string, pick: (part: WirePart) => boolean): string {
  const signature = wireParts(name)
    .filter((p) => p.thoughtSignature !== undefined)
    .find(pick)?.thoughtSignature;
  if (!signature) throw new Error(`${name}: no signed part of that kind`);
  return signature;
}

/**
 * Gemini's streamed JSON: compact with a space after each colon only, `<` and `>` escaped,
 * anything else as JSON.stringify writes it (UTF-8 unescaped).
 */
function wireJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(wireJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const fields = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${wireJson(v)}`);
    return `{${fields.join(",")}}`;
  }
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
}

/** Key orders Google writes; a fixture's keys must appear in this order (any may be missing). */
const KEY_ORDER = {
  chunk: ["candidates", "promptFeedback", "usageMetadata", "modelVersion", "responseId"],
  candidate: [
    "content",
    "finishReason",
    "index",
    "finishMessage",
    "safetyRatings",
    "groundingMetadata",
    "urlContextMetadata",
  ],
  usage: [
    "promptTokenCount",
    "candidatesTokenCount",
    "totalTokenCount",
    "promptTokensDetails",
    "candidatesTokensDetails",
    "toolUsePromptTokenCount",
    "toolUsePromptTokensDetails",
    "thoughtsTokenCount",
    "serviceTier",
  ],
};

function expectOrder(value: object | undefined, order: string[]) {
  const keys = Object.keys(value ?? {});
  expect(
    keys.every((k) => order.includes(k)),
    `unknown key in ${keys}`,
  ).toBe(true);
  expect(keys).toEqual([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
}

// ---------------------------------------------------------------------------------------------
// A stand-in for Google, answering with a fixture's bytes

interface Served {
  method: string;
  path: string;
  alt: string | null;
  apiKey: string | undefined;
  fixture: string;
}

const served: Served[] = [];
let server: Server | undefined;
const saved = { ...process.env };
const dataDir = mkdtempSync(join(tmpdir(), "wire-replay-"));

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The prompt names the fixture, so every request is answered on its own, whatever the order. */
function fixtureAsked(body: string): string {
  try {
    const text: unknown = JSON.parse(body)?.contents?.[0]?.parts?.[0]?.text;
    return typeof text === "string" ? text.replace(/^replay /, "") : "";
  } catch {
    return "";
  }
}

async function answer(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://replay.invalid");
  const fixture = fixtureAsked(await readBody(req));
  served.push({
    method: req.method ?? "",
    path: url.pathname,
    alt: url.searchParams.get("alt"),
    apiKey: req.headers["x-goog-api-key"] as string | undefined,
    fixture,
  });
  const known = (FIXTURES as readonly string[]).includes(fixture);
  if (req.method !== "POST" || !url.pathname.endsWith(":streamGenerateContent") || !known) {
    res.writeHead(404, { "content-type": "application/json; charset=UTF-8" });
    res.end(JSON.stringify({ error: { code: 404, message: "not replayed", status: "NOT_FOUND" } }));
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream" });
  const bytes = readFileSync(join(FIXTURE_DIR, fixture));
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    res.write(bytes.subarray(at, at + SLICE_BYTES));
    await new Promise((resolve) => setImmediate(resolve));
  }
  res.end();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    answer(req, res).catch((error) => res.destroy(error));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  // Read once by lib/env.ts and lib/gemini/client.ts at the first run, which comes after this.
  delete process.env.GOOGLE_API_KEY;
  process.env.GEMINI_API_KEY = API_KEY;
  process.env.GEMINI_BASE_URL = `http://127.0.0.1:${port}`;
  process.env.GEMINI_API_VERSION = "v1beta";
  process.env.PLAYGROUND_DATA_DIR = dataDir;
});

afterAll(async () => {
  process.env = saved;
  await new Promise((resolve) => server?.close(resolve));
});

// ---------------------------------------------------------------------------------------------
// One run per fixture, as the app makes it and the browser folds it

interface Replay {
  /** What openRun yielded, before the SSE text format. */
  produced: RunEvent[];
  /** The same after encodeEvent → readEvents, as the browser receives them. */
  events: RunEvent[];
  state: RunState;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function run(name: Fixture): Promise<Replay> {
  const model = wireChunks(name)[0]?.modelVersion ?? "gemini-2.5-flash";
  const produced = await collect(
    openRun(
      {
        method: "generateContent",
        params: { model, contents: [{ role: "user", parts: [{ text: `replay ${name}` }] }] },
      },
      { requestId: "req-wire", signal: new AbortController().signal },
    ),
  );
  const body = new Response(produced.map(encodeEvent).join("")).body;
  if (!body) throw new Error("no body");
  const events = await collect(readEvents(body));
  return { produced, events, state: foldRunActions(initialRunState(), events) };
}

/** Each fixture is replayed once; the tests below share the result. */
const replays = new Map<Fixture, Promise<Replay>>();
function replay(name: Fixture): Promise<Replay> {
  let pending = replays.get(name);
  if (!pending) {
    pending = run(name);
    replays.set(name, pending);
  }
  return pending;
}

/** The run as the UI holds it; only the server's timings vary between runs. */
function snapshotOf({ events, state }: Replay): string {
  const timing = state.meta?.timing && { firstChunkMs: "<ms>", totalMs: "<ms>" };
  const view = {
    events: events.map((e) => e.type),
    state: { ...state, ...(state.meta && { meta: { ...state.meta, ...(timing && { timing }) } }) },
  };
  return `${JSON.stringify(view, null, 2)}\n`;
}

/**
 * A chunk as compared with what Gemini sent. Generated media is the one thing the server changes
 * on purpose (base64 stored, a reference sent on). `finishMessage` is left out on both sides: the
 * SDK (@google/genai 3.3.0) drops it from every candidate before the producer sees it, a known
 * loss reported with this test, and leaving it out on both sides keeps this check true once fixed.
 */
function comparable(chunk: object): unknown {
  const { candidates, ...rest } = chunk as WireChunk;
  if (!candidates) return rest;
  return {
    ...rest,
    candidates: candidates.map(({ finishMessage: _, content, ...candidate }) => ({
      ...candidate,
      content: content && {
        ...content,
        ...(content.parts && {
          parts: content.parts.map((part) =>
            part.inlineData || part.media
              ? { generatedMedia: true, thoughtSignature: part.thoughtSignature }
              : part,
          ),
        }),
      },
    })),
  };
}

const kinds = (parts: readonly Part[]) => parts.map((p) => p.kind);
const signed = (part: Part | undefined) =>
  part && "thoughtSignature" in part ? part.thoughtSignature : undefined;
const utf8 = (text: string) => Buffer.from(text, "utf8");

// ---------------------------------------------------------------------------------------------

describe("the wire fixtures", () => {
  it("are all listed here and in the README", () => {
    const files = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith(".sse"));
    expect(files.sort()).toEqual([...FIXTURES].sort());
    const readme = fixtureText("README.md");
    for (const name of FIXTURES) expect(readme).toContain(`\`${name}\``);
  });

  it.each(FIXTURES)("%s keeps Gemini's framing, spacing, escapes and key order", (name) => {
    const text = fixtureText(name);
    // `data: <json>` then a blank line, CRLF; no `event:` lines, no `[DONE]`.
    expect(text).toMatch(/^(data: \{[^\r\n]*\}\r\n\r\n)+$/);
    for (const json of eventTexts(name)) {
      const chunk: WireChunk = JSON.parse(json);
      expect(wireJson(chunk)).toBe(json);
      expectOrder(chunk, KEY_ORDER.chunk);
      expectOrder(chunk.usageMetadata, KEY_ORDER.usage);
      for (const candidate of chunk.candidates ?? []) {
        expectOrder(candidate, KEY_ORDER.candidate);
        for (const part of candidate.content?.parts ?? []) {
          const keys = Object.keys(part);
          if (keys.includes("thoughtSignature")) expect(keys.at(-1)).toBe("thoughtSignature");
        }
      }
    }
    // Running totals in every chunk, as Gemini sends them.
    expect(wireChunks(name).every((c) => c.usageMetadata?.totalTokenCount !== undefined)).toBe(
      true,
    );
  });
});

describe("a captured stream replayed through the SDK, the producer and the reducer", () => {
  it.each(FIXTURES)("renders %s as before", async (name) => {
    const result = await replay(name);
    const { events, state } = result;
    const chunks = wireChunks(name);

    // One request, the streaming one: the SDK neither retried nor continued the stream.
    const requests = served.filter((s) => s.fixture === name);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: "POST",
      path: `/v1beta/models/${chunks[0]?.modelVersion}:streamGenerateContent`,
      alt: "sse",
      apiKey: API_KEY,
    });

    // Every event Gemini sent became one chunk event, and the run ended cleanly.
    expect(events.map((e) => e.type)).toEqual([
      "meta",
      ...chunks.map(() => "chunk"),
      "meta",
      "done",
    ]);
    expect(events.at(-2)).toMatchObject({
      type: "meta",
      data: { timing: { firstChunkMs: expect.any(Number), totalMs: expect.any(Number) } },
    });
    expect(state.status).toBe("done");
    expect(state.error).toBeUndefined();
    expect(state.chunks).toBe(chunks.length);

    // Usage is a running total: the last chunk's figures, never a sum.
    expect(state.usage).toEqual(lastChunk(name).usageMetadata);
    expect(state.modelVersion).toBe(lastChunk(name).modelVersion);
    expect(state.responseId).toBe(lastChunk(name).responseId);

    // What reached the browser is Gemini's JSON, untouched but for the stored media.
    const forwarded = events.flatMap((e) => (e.type === "chunk" ? [comparable(e.data)] : []));
    expect(forwarded).toEqual(chunks.map(comparable));

    // JSON under `.snap`: Biome would reflow a `.json` file and the comparison is byte for byte.
    await expect(snapshotOf(result)).toMatchFileSnapshot(
      `__snapshots__/wire-replay/${name.replace(/\.sse$/, "")}.json.snap`,
    );
  });

  it("stream-text: deltas cut mid-word make one text part", async () => {
    const { state } = await replay("stream-text.sse");
    expect(state.parts).toEqual([
      { kind: "text", text: "Mercury\nVenus\nEarth\nMars\nJupiter\nSaturn\nUranus\nNeptune" },
    ]);
    expect(state.finishReason).toBe("STOP");
  });

  it("stream-text-no-index: chunks without `index` still fold, with the last prompt count", async () => {
    const { state } = await replay("stream-text-no-index.sse");
    expect(answerText(state.parts)).toBe(
      "The tallest mountain above sea level is Mount Everest.\n",
    );
    expect(state.parts).toHaveLength(1);
    // The first chunks said 12; the last one's 10 is what Gemini bills.
    expect(state.usage?.promptTokenCount).toBe(10);
    expect(state.finishReason).toBe("STOP");
  });

  it("stream-thoughts: one thought block, then the answer carrying the signature verbatim", async () => {
    const { state } = await replay("stream-thoughts.sse");
    expect(kinds(state.parts)).toEqual(["thought", "text"]);
    const [thought, answer] = state.parts;
    expect(thought?.kind === "thought" && thought.text).toMatch(
      /^\*\*Pinning Down the Brew\*\*[\s\S]*\*\*Settling on Numbers\*\*[\s\S]*short\.\n\n\n$/,
    );
    expect(signed(thought)).toBeUndefined();
    // The signed delta starts the answer, and the unsigned deltas after it continue it.
    expect(signed(answer)).toBe(signatureOf("stream-thoughts.sse", (p) => !p.thought));
    expect(answer?.kind === "text" && answer.text).toBe(
      'Steep green tea for **2 to 3 minutes** in water at about 80 °C (175 °F).\n\nBoiling water or a longer steep makes it "grassy" and bitter; taste at 2 minutes and go from there.',
    );
    expect(toSegments(state.parts).map((s) => s.kind)).toEqual(["thoughts", "markdown"]);
  });

  it("stream-trailing-signature: the signed empty text at the end is kept as its own part", async () => {
    const { state } = await replay("stream-trailing-signature.sse");
    const text =
      "Gannets fold their wings and hit the water at up to 85 km/h, diving several metres to catch fish.";
    expect(state.parts).toEqual([
      { kind: "text", text },
      {
        kind: "text",
        text: "",
        thoughtSignature: signatureOf("stream-trailing-signature.sse", (p) => p.text === ""),
      },
    ]);
    expect(answerText(state.parts)).toBe(text);
    expect(toSegments(state.parts)).toEqual([{ kind: "markdown", key: "markdown-0", text }]);
  });

  it("stream-function-call-gemini-3: the signed call without arguments, and no empty text after it", async () => {
    const { state } = await replay("stream-function-call-gemini-3.sse");
    expect(state.parts).toEqual([
      {
        kind: "functionCall",
        name: "list_open_tickets",
        args: {},
        thoughtSignature: signatureOf("stream-function-call-gemini-3.sse", (p) => !!p.functionCall),
      },
    ]);
    expect(state.finishReason).toBe("STOP");
  });

  it("stream-function-call-gemini-2: an unsigned call with its arguments, in a single chunk", async () => {
    const { state } = await replay("stream-function-call-gemini-2.sse");
    expect(state.parts).toEqual([
      {
        kind: "functionCall",
        name: "convert_currency",
        args: { amount: 120, from: "EUR", to: "NOK" },
      },
    ]);
  });

  it("parallel-function-calls: all three calls in order, only the first signed", async () => {
    const { state } = await replay("parallel-function-calls.sse");
    const signature = signatureOf("parallel-function-calls.sse", (p) => !!p.functionCall);
    expect(state.parts).toEqual([
      {
        kind: "functionCall",
        name: "get_tide",
        args: { harbor: "Ålesund" },
        thoughtSignature: signature,
      },
      { kind: "functionCall", name: "get_tide", args: { harbor: "Tromsø" } },
      { kind: "functionCall", name: "get_wind", args: { harbor: "Ålesund", unit: "knots" } },
    ]);
    expect(state.parts.filter((p) => "thoughtSignature" in p)).toHaveLength(1);
  });

  it("stream-grounding: the last chunk's metadata, once, matching the merged answer", async () => {
    const { state } = await replay("stream-grounding.sse");
    const sent = lastChunk("stream-grounding.sse").candidates?.[0]?.groundingMetadata;
    // The `{}` of the earlier chunks neither erased nor doubled anything.
    expect(state.groundingMetadata).toEqual(sent);
    expect(groundingSources(state.groundingMetadata).map((s) => s.title)).toEqual([
      "Weather information for Reykjavik, IS",
      "vedur.is",
      "yr.no",
    ]);
    expect(state.groundingMetadata?.webSearchQueries).toEqual(["weather in Reykjavik today"]);
    // `\u003c` arrived as `<`: the search suggestions are HTML as Google wrote it.
    expect(state.groundingMetadata?.searchEntryPoint?.renderedContent).toMatch(/^<style>\n/);
    // Offsets are UTF-8 bytes into the answer's text as the reducer merged it (° is 2 bytes).
    const text = utf8(answerText(state.parts));
    const supports = state.groundingMetadata?.groundingSupports ?? [];
    expect(supports).toHaveLength(2);
    for (const { segment } of supports) {
      const slice = text.subarray(segment?.startIndex ?? 0, segment?.endIndex).toString("utf8");
      expect(slice).toBe(segment?.text);
    }
    expect(state.parts).toHaveLength(1);
  });

  it("stream-url-context: the first chunk's URL metadata survives the chunks without it", async () => {
    const { state } = await replay("stream-url-context.sse");
    const [first, last] = wireChunks("stream-url-context.sse");
    expect(last?.candidates?.[0]?.urlContextMetadata).toBeUndefined();
    expect(state.urlContextMetadata).toEqual(first?.candidates?.[0]?.urlContextMetadata);
    expect(state.urlContextMetadata?.urlMetadata?.map((u) => u.urlRetrievalStatus)).toEqual([
      "URL_RETRIEVAL_STATUS_SUCCESS",
      "URL_RETRIEVAL_STATUS_ERROR",
    ]);
    expect(state.groundingMetadata).toEqual(last?.candidates?.[0]?.groundingMetadata);
    // A support that starts the answer has no startIndex; its end is the text's byte length.
    const [support] = state.groundingMetadata?.groundingSupports ?? [];
    expect(support?.segment?.startIndex).toBeUndefined();
    expect(support?.segment?.endIndex).toBe(utf8(answerText(state.parts)).length);
  });

  it("stream-code-execution: code and result paired by id, the signed empty text kept last", async () => {
    const { state } = await replay("stream-code-execution.sse");
    const name = "stream-code-execution.sse";
    expect(state.parts).toEqual([
      {
        kind: "executableCode",
        id: "q3v9k2ta",
        language: "PYTHON",
        code: "total = sum(n * n for n in range(1, 25))\nprint(total)",
        thoughtSignature: signatureOf(name, (p) => !!p.executableCode),
      },
      { kind: "codeExecutionResult", id: "q3v9k2ta", outcome: "OUTCOME_OK", output: "4900\n" },
      { kind: "text", text: "The sum of the squares of 1 through 24 is **4,900**." },
      { kind: "text", text: "", thoughtSignature: signatureOf(name, (p) => p.text === "") },
    ]);
    expect(toSegments(state.parts).map((s) => s.kind)).toEqual(["part", "part", "markdown"]);
    expect(state.usage?.toolUsePromptTokenCount).toBe(342);
  });

  it("code-execution-multiple-results: one code, two results in order, the failure's trace intact", async () => {
    const { state } = await replay("code-execution-multiple-results.sse");
    const name = "code-execution-multiple-results.sse";
    expect(kinds(state.parts)).toEqual([
      "executableCode",
      "codeExecutionResult",
      "codeExecutionResult",
      "text",
    ]);
    const [code, ok, failed, text] = state.parts;
    expect(signed(code)).toBe(signatureOf(name, (p) => !!p.executableCode));
    expect(ok).toEqual({ kind: "codeExecutionResult", outcome: "OUTCOME_OK", output: "5\n" });
    expect(failed).toMatchObject({ kind: "codeExecutionResult", outcome: "OUTCOME_FAILED" });
    expect(failed?.kind === "codeExecutionResult" && failed.output).toContain(
      '  File "<string>", line 2, in <module>\n',
    );
    expect(signed(text)).toBe(signatureOf(name, (p) => p.text !== undefined));
  });

  it("image-generation: the image stored and referenced with its own signature, never forwarded as base64", async () => {
    const { produced, state } = await replay("image-generation.sse");
    const name = "image-generation.sse";
    const image = wireParts(name).find((p) => p.inlineData)?.inlineData;
    const bytes = Buffer.from(image?.data ?? "", "base64");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(kinds(state.parts)).toEqual(["text", "media"]);
    expect(signed(state.parts[0])).toBe(signatureOf(name, (p) => p.text !== undefined));
    expect(state.parts[1]).toEqual({
      kind: "media",
      sha256,
      mimeType: "image/jpeg",
      bytes: bytes.length,
      name: `image-${sha256.slice(0, 8)}.jpg`,
      thoughtSignature: signatureOf(name, (p) => !!p.inlineData),
    });
    expect(readFileSync(blobPath(sha256)).equals(bytes)).toBe(true);
    expect(JSON.stringify(produced)).not.toContain(image?.data?.slice(0, 40));
  });

  it("safety-finish: no parts, the SAFETY finish and the blocked category shown", async () => {
    const { state } = await replay("safety-finish.sse");
    expect(state.parts).toEqual([]);
    expect(state.finishReason).toBe("SAFETY");
    expect(state.safetyRatings?.filter((r) => r.blocked)).toEqual([
      { category: "HARM_CATEGORY_HARASSMENT", probability: "MEDIUM", blocked: true },
    ]);
    expect(state.safetyRatings).toHaveLength(4);
    expect(explainRefusal(state)).toContain("harassment");
  });

  it("prompt-blocked: a chunk without candidates shows the block reason", async () => {
    const { state } = await replay("prompt-blocked.sse");
    expect(state.parts).toEqual([]);
    expect(state.blockReason).toBe("PROHIBITED_CONTENT");
    expect(state.finishReason).toBeUndefined();
    expect(state.usage?.promptTokenCount).toBe(7);
    expect(explainBlockedPrompt(state)).toContain("PROHIBITED_CONTENT");
  });
});
