/**
 * The Gemini emulator: a wire-compatible stand-in for the Gemini REST API, for offline mode, tests
 * and benchmarks. It never calls the network and accepts any non-empty API key.
 *
 * ```ts
 * const emulator = createEmulator();
 * const ai = new GoogleGenAI({
 *   apiKey: "offline",
 *   httpOptions: {
 *     baseUrl: "http://emulator.invalid",
 *     apiVersion: "v1beta",
 *     fetch: (url, init) => emulator(new Request(url, init)),
 *   },
 * });
 * emulator.log.list(); // what it served, newest last
 * ```
 *
 * Over HTTP use `startEmulatorServer` from `./node-server` (node only; kept out of this entry so the
 * handler stays free of node:http).
 *
 * Routes, on `/v1beta/` and `/v1/` (any mount prefix before them is fine):
 *   GET  models?pageSize&pageToken · GET models/{id} · GET tunedModels (always empty)
 *   POST models/{id}:generateContent · :streamGenerateContent[?alt=sse] · :countTokens
 *   POST models/{id}:embedContent · :batchEmbedContents (embedding models)
 *   GET  /emulator/requests (the log as `{ requests: RequestLogEntry[] }`; DELETE clears it)
 *   GET  /emulator/health
 *
 * Prompt directives: a line in the last user turn, `#emulator key=value …` (never echoed):
 *   error=400|403|404|429|500|503|504  fail with Google's status name and message
 *   message="…"      override the error message
 *   retryDelay=2s    RetryInfo.retryDelay on a 429 (default 17s)
 *   after=N          with error= on a stream: send N chunks, then the error as an SSE event
 *   tokens=N         answer length in tokens (1 token = 4 characters), padded with markdown
 *   rate=N/s         stream at N tokens per second (unary waits as long)
 *   chunk=N          tokens per SSE event (default 40, or rate/10 when paced)
 *   delay=250ms|2s   wait before answering (before the response headers)
 *   disconnect=N     cut the connection after N chunks: the client's read fails
 *   block=REASON     blocked prompt: promptFeedback.blockReason, no candidates
 *   finish=REASON    finishReason of the last chunk; SAFETY gives empty content + ratings
 *   thoughts=N       thinking tokens for thinking models (0 turns thinking off)
 *
 * Without directives the answer is deterministic markdown that echoes the request (answer.ts lists
 * the echo lines tests may match); tokens are ceil(characters / 4), at least 1 per part (tokens.ts),
 * so countTokens equals a generation's promptTokenCount. Thinking models (`thinking: true` in the
 * catalogue) spend 64 thought tokens unless `thinkingBudget: 0`; `includeThoughts` streams them
 * first. Gemini 3 streams end with an empty `{"text": ""}` part carrying the thought signature.
 *
 * Log entries (`emulator.log.list()`, `GET /emulator/requests`), oldest first, at most 200:
 *   { id, method, path, model, promptExcerpt, startedAt, endedAt, outcome, status, chunksSent }
 *   outcome: "pending" | "ok" | "error" | "client_closed" | "disconnected"; times are Date.now()
 *   milliseconds; `id` is also the `x-emulator-request-id` response header.
 */
import { createHandler } from "./handler";
import { DEFAULT_LOG_CAPACITY, RequestLog } from "./log";

export { type Directives, parseDirectives } from "./directives";
export type { RequestLogEntry, RequestOutcome } from "./log";
export { RequestLog } from "./log";

export interface EmulatorOptions {
  /** How many requests the inspection log keeps (default 200). */
  logCapacity?: number;
  /** Return false to answer 400 API_KEY_INVALID for that key. Default: any non-empty key. */
  acceptKey?: (key: string) => boolean;
}

/** A fetch-shaped handler that also exposes its inspection log. */
export type EmulatorHandler = ((request: Request) => Promise<Response>) & {
  readonly log: RequestLog;
};

export function createEmulator(options: EmulatorOptions = {}): EmulatorHandler {
  const log = new RequestLog(options.logCapacity ?? DEFAULT_LOG_CAPACITY);
  const handle = createHandler(log, { acceptKey: options.acceptKey });
  return Object.assign((request: Request) => handle(request), { log });
}
