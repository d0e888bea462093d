/**
 * The Gemini emulator: a wire-compatible stand-in for the Gemini REST API, for offline mode, tests
 * and benchmarks. It never calls the network and accepts any non-empty API key, unless started
 * with one (`acceptKey`, or node-server's `apiKey`, `npm run emulator -- --key K`).
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
 * Folders, by API surface: `native/` (generateContent, streamGenerateContent, countTokens,
 * embedContent: the plan of an answer, its parts, tokens, chunks and directives), `files/` (the
 * Files API), `catalogue/` (models list/get and what each model accepts), `media/` (media in and
 * out, Imagen's predict), `schema/` (JSON Schema values for function args and structured output),
 * `validation/` (error envelopes, request bodies). This folder keeps the entry points (this file,
 * handler.ts, routes.ts, node-server.ts) and what every surface shares: wire types, JSON and SSE
 * habits, the paced stream body, the log, hashing and base64.
 *
 * Routes, on `/v1beta/` and `/v1/` (any mount prefix before them is fine):
 *   GET  models?pageSize&pageToken (50 a page by default, at most 1000, in Google's listing
 *        order: catalogue/catalogue-order.ts) · GET models/{id} · GET tunedModels (always empty)
 *   POST models/{id}:generateContent · :streamGenerateContent[?alt=sse] · :countTokens
 *   POST models/{id}:embedContent · :batchEmbedContents (embedding models)
 *   POST models/{imagen id}:predict (Imagen; media/predict.ts)
 *   POST upload/{v1beta,v1}/files (resumable upload, files/upload.ts) ·
 *        GET files?pageSize&pageToken · GET files/{id} · DELETE files/{id} (files/files-api.ts)
 *   GET  /emulator/requests (the log as `{ requests: RequestLogEntry[] }`; DELETE clears it)
 *   GET  /emulator/health
 *
 * Files API (one in-memory store per emulator; files expire after 48 h, as Gemini's do):
 *   `ai.files.upload` works unchanged. The start request (`X-Goog-Upload-Protocol: resumable`,
 *   `X-Goog-Upload-Command: start`, JSON `{file: {displayName?, mimeType?, name?}}`) answers 200
 *   with an empty body, `x-goog-upload-status: active` and `x-goog-upload-url`, an absolute URL on
 *   the origin and mount prefix the request came to (`…/upload/v1beta/files?upload_id=…`). Chunks
 *   (the SDK sends 8 MiB) POST there with `X-Goog-Upload-Command: upload` and `X-Goog-Upload-Offset`
 *   equal to the bytes received so far (else 400 text/plain "Invalid request. …" with
 *   `x-goog-upload-size-received`); `upload, finalize` answers `{file: File}` with
 *   `x-goog-upload-status: final`. The URL is the credential: chunks need no key. Bytes stream into
 *   a buffer of the declared length, copied once. A File: `name` files/<12 lowercase alphanumerics>,
 *   `displayName`, `mimeType`, `sizeBytes` (string), `createTime`, `updateTime`, `expirationTime`
 *   (+48 h), `sha256Hash` (base64 of the hex digest, as Gemini sends it), `uri`
 *   (`<origin><mount>/v1beta/files/<id>`), `state` PROCESSING → ACTIVE after `fileProcessingMs`,
 *   `source` UPLOADED. A missing file is 403 PERMISSION_DENIED "You do not have permission to access
 *   the File <id> or it may not exist."; a `fileData` part naming a PROCESSING file is 400
 *   FAILED_PRECONDITION "The File <id> is not in an ACTIVE state and usage is not allowed."
 *
 * Media in: bodies over 20,971,520 bytes are 400 "Request payload size exceeds the limit: 20971520
 * bytes."; an image/* part whose bytes are no PNG, JPEG, GIF, WEBP or HEIC/HEIF is 400 "Unable to
 * process input image. …". Each inlineData/fileData part of the last user turn gets an echo line
 * (media/media-facts.ts), e.g. `- Media 1: image/png, 2048 bytes, sha256 0a1b2c3d4e5f, 64×48 px` or
 * `- Media 2: audio/wav, 32044 bytes, sha256 9f8e7d6c5b4a, 1.00 s, file files/abc123`. Audio whose
 * length the header gives (WAV, audio/L16) bills 32 tokens per second.
 *
 * Media out (media/output-kind.ts; a modality the model lacks is 400 "Model does not support the
 * requested response modalities: image"):
 *   image models (gemini-2.5-flash-image, gemini-3-pro-image-preview (a baseline JPEG, capture 07;
 *     the others PNG),
 *     gemini-3.1-flash-image-preview; TEXT+IMAGE unless responseModalities says otherwise): a
 *     caption with the echo list, then an inlineData image/png sized by imageConfig.aspectRatio
 *     (1:1 1024×1024, 16:9 1344×768, … see media/image-sizes.ts), painted from the prompt and the
 *     input media hashes; Gemini 3 signs both parts; usage candidatesTokensDetails IMAGE 1290
 *     (2.5) or 1120 (3). Streams send the image whole in the last chunk.
 *   speech models (ids with `tts`; responseModalities must be ["AUDIO"]): one inlineData part
 *     `audio/L16;codec=pcm;rate=24000`, 16-bit mono PCM, 0.3 s per spoken word, at least 1 s, pitch
 *     by voice; streams send it in one-second pieces. Voices must be prebuilt ones
 *     (media/voices.ts) and multi-speaker configs have exactly 2 speakers; usage AUDIO at
 *     25 tokens per second. No thoughts and no text.
 *   Imagen `:predict`: `{predictions: [{bytesBase64Encoded, mimeType: "image/png"}]}`, sampleCount
 *     1–4 (default 4; Ultra 1), aspect ratios 1:1, 3:4, 4:3, 9:16, 16:9. The SDK's Gemini-API client
 *     refuses `generateImages` before sending (2.x and 3.x route it to Vertex only); a Vertex
 *     express client (`vertexai: true, apiKey`) with model `models/imagen-…` and this base URL
 *     sends the same request to the same path.
 *
 * Prompt directives: a line in the last user turn (or an Imagen prompt, where error=, message=,
 * retryDelay= and delay= apply), `#emulator key=value …` (never echoed):
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
 *   thoughts=N       thinking tokens for thinking models (0 turns thinking off); with includeThoughts
 *                    the summary streams as bold-titled sections, one per chunk, ~4 chars per token
 *   calls=N          N parallel function calls (distinct functions while they last, then the same
 *                    ones again with other arguments)
 *   invalid=1        break the schema: drop the first required property or send the wrong type
 *                    (JSON output, function args, x.enum); JSON mode without a schema sends JSON
 *                    that does not parse
 *   codefail=1       with codeExecution: OUTCOME_FAILED and a Python traceback
 *   safetyAfter=N    stream N text chunks, then a chunk with `"content": {}`, finishReason SAFETY
 *                    and ratings (unary: that partial text with SAFETY and ratings)
 *   hostile=1        add raw HTML, `javascript:` and `data:` links (a renderer test; see
 *                    native/rich-markdown.ts); a safe page never sets `window.__pwned`
 *   math=1           add inline `$E = mc^2$` and a `$$` display block
 *   corpus=NAME      answer with a fixed text that strains renderers instead of the echo
 *                    (native/corpus.ts): line, json, escapes, table, code, open-fence, nested,
 *                    math, paragraphs, mixed; pace it with rate= and chunk=
 *   model=ID         on a line of its own: that line's directives apply only to requests for
 *                    model ID (one prompt sent to several models, as compare does, can fail in one)
 *
 * With `directiveCaps` (offline mode sets them; the standalone emulator has none) tokens,
 * thoughts and delay are clamped to their caps and a paced stream is sped up to end within
 * `streamMs`; the response's `x-emulator-capped` header names each value clamped.
 *
 * Without directives the answer is deterministic markdown that echoes the request
 * (native/answer.ts lists the echo lines tests may match, including one line per setting present:
 * `- Top P: 0.9`, `- Tools: googleSearch, functions(get_weather)`, `- Thinking: level HIGH` …);
 * tokens are ceil(characters / 4), at least 1 per part (native/tokens.ts), so countTokens equals a
 * generation's promptTokenCount. Thinking models (`thinking: true` in the catalogue) spend 64
 * thought tokens unless `thinkingBudget: 0`; `includeThoughts` streams them first. Gemini 3 streams
 * end with an empty `{"text": ""}` part carrying the thought signature. Long answers (`tokens=N`)
 * cycle through headings, lists, tables, quotes and ts/python/json/bash code blocks.
 *
 * What the request asks for, shaped as Google sends it:
 *   functionDeclarations (mode not NONE, last user turn not a functionResponse): functionCall parts,
 *     no id, args generated from the declared schema (schema/schema-values.ts) and valid against
 *     it; the function is the first whose name or description words the prompt uses (ANY mode:
 *     only allowedFunctionNames), else the first. Thinking models sign the first call only;
 *     Gemini 3 adds `finishMessage: "Model generated function call(s)."` (unary) and ends streams
 *     with an unsigned `{"text": ""}`. A functionResponse turn is answered with echo lines
 *     `- Function response: NAME returned `{compact json}``.
 *   responseMimeType application/json + responseJsonSchema (or responseSchema): pretty JSON valid
 *     against it; text/x.enum + enum schema: one enum value (one the prompt names, if any).
 *   googleSearch: a "What the web says" section; every stream chunk has `"groundingMetadata": {}`
 *     and toolUsePromptTokenCount, the last one the full metadata (searchEntryPoint,
 *     groundingChunks on example domains, groundingSupports with UTF-8 BYTE offsets,
 *     webSearchQueries). urlContext: `urlContextMetadata` on the first chunk for each http(s) URL
 *     in the prompt (hosts under `.invalid` fail), a "Pages read" section, supports for it.
 *   codeExecution: executableCode (PYTHON) then codeExecutionResult, then text explaining the
 *     output; Gemini 3 gives both an `id`, sends the result chunk without `index` and with
 *     prompt-only usage, and bills toolUsePromptTokenCount on the last chunk.
 *   thinkingConfig is checked like Google does (catalogue/thinking-rules.ts): budget and level
 *     together, a level on 2.5, a level the model lacks (MINIMAL on gemini-3-pro-preview), budget 0
 *     on Pro, and budgets out of range are 400 INVALID_ARGUMENT.
 *   Every POST body is first parsed into its request message (validation/request-schema.ts and
 *     the schema-*.ts tables, walked by schema-walk.ts): unknown fields at any depth, wrong JSON
 *     types, unknown enum values, bad base64 and JSON-Schema keywords in the OpenAPI `Schema` of
 *     `parameters`/`responseSchema` are 400 in Google's words ("Invalid JSON payload received.
 *     Unknown name "x" at 'generation_config': Cannot find field."), one per line, with a
 *     google.rpc.BadRequest of fieldViolations. camelCase and snake_case, enum names in any case
 *     and numbers as strings are read and passed on canonical. Ranges and allowed values then
 *     answer as `* GenerateContentRequest.<path>: …` bullets without details.
 *   Gemini 3 needs a thought signature on the first function call of each step of the current
 *     turn: "Function call is missing a thought_signature…" or "Corrupted thought signature.";
 *     `context_engineering_is_the_way_to_go` and `skip_thought_signature_validator` pass
 *     (native/signature-rules.ts). Thoughts count toward maxOutputTokens: thinking that fills it
 *     ends with MAX_TOKENS and no answer part. Non-zero penalties only on Gemini 2.0 ("Penalty is
 *     not enabled for models/X"); candidateCount > 1 on 2.0/2.5 chat models, others "Multiple
 *     candidates is not enabled for this model". cachedContent → 403 "CachedContent not found (or
 *     permission denied)"; fileSearch stores → 403; googleMaps → maps grounding chunks with
 *     placeId (+ googleMapsWidgetContextToken with enableWidget); computerUse only on the models
 *     that have it; Deep Research models: "This model only supports Interactions API."
 *     (native/request-rules.ts, catalogue/model-rules.ts).
 *
 * Log entries (`emulator.log.list()`, `GET /emulator/requests`), oldest first, at most 200:
 *   { id, method, path, model, promptExcerpt, startedAt, endedAt, outcome, status, chunksSent }
 *   outcome: "pending" | "ok" | "error" | "client_closed" | "disconnected"; times are Date.now()
 *   milliseconds; `id` is also the `x-emulator-request-id` response header.
 */
import { DEFAULT_FILE_PROCESSING_MS, FileStore } from "@/lib/emulator/files/file-store";
import type { DirectiveCaps } from "@/lib/emulator/native/directives";
import { createHandler } from "./handler";
import { DEFAULT_LOG_CAPACITY, RequestLog } from "./log";

export {
  type DirectiveCaps,
  type Directives,
  parseDirectives,
} from "@/lib/emulator/native/directives";
export type { RequestLogEntry, RequestOutcome } from "./log";
export { RequestLog } from "./log";

export interface EmulatorOptions {
  /** How many requests the inspection log keeps (default 200). */
  logCapacity?: number;
  /** Return false to answer 400 API_KEY_INVALID for that key. Default: any non-empty key. */
  acceptKey?: (key: string) => boolean;
  /**
   * How long an uploaded file stays PROCESSING before it turns ACTIVE (default 200 ms); using it in
   * generateContent before then is Google's 400 FAILED_PRECONDITION. 0 makes uploads ACTIVE at once.
   */
  fileProcessingMs?: number;
  /**
   * Ceilings on `#emulator` directives (tokens, delay, a paced stream's length): values above are
   * clamped and the response says so in `x-emulator-capped`. Default: none, as tests and
   * benchmarks need; offline mode sets them (`OFFLINE_DIRECTIVE_CAPS`).
   */
  directiveCaps?: DirectiveCaps;
}

/** A fetch-shaped handler that also exposes its inspection log. */
export type EmulatorHandler = ((request: Request) => Promise<Response>) & {
  readonly log: RequestLog;
};

export function createEmulator(options: EmulatorOptions = {}): EmulatorHandler {
  const log = new RequestLog(options.logCapacity ?? DEFAULT_LOG_CAPACITY);
  const files = new FileStore({
    processingMs: options.fileProcessingMs ?? DEFAULT_FILE_PROCESSING_MS,
  });
  const handle = createHandler(log, {
    acceptKey: options.acceptKey,
    files,
    directiveCaps: options.directiveCaps,
  });
  return Object.assign((request: Request) => handle(request), { log });
}
