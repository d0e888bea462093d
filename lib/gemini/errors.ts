import "server-only";
import { ApiError } from "@google/genai";
import { AppError, type ErrorCode } from "@/lib/errors";
import { log, redact } from "@/lib/log";

/** Google's error envelope, as carried (JSON-encoded) in the SDK's ApiError message. */
interface GoogleError {
  code?: number;
  message?: string;
  status?: string;
  details?: {
    "@type"?: string;
    reason?: string;
    retryDelay?: string;
    fieldViolations?: { field?: string; description?: string }[];
  }[];
}

/**
 * An HTTP error's message is the JSON body itself; an error event inside a stream arrives as
 * `got status: UNAVAILABLE. {json}`. Both carry the same envelope from the first brace on.
 */
export function parseGoogleError(error: ApiError): GoogleError {
  const start = error.message.indexOf("{");
  try {
    const parsed = JSON.parse(error.message.slice(Math.max(start, 0))) as { error?: GoogleError };
    return parsed.error ?? {};
  } catch {
    return { message: error.message };
  }
}

/** "17s", "1.5s" → milliseconds (protobuf Duration in JSON). */
export function parseRetryDelay(delay: string | undefined): number | undefined {
  const match = delay?.match(/^(\d+(?:\.\d+)?)s$/);
  return match?.[1] ? Math.round(Number(match[1]) * 1000) : undefined;
}

export interface ErrorContext {
  model: string;
  /** Who answers, as a person reads it: "Gemini" or "the built-in emulator", never a host. */
  upstream: string;
  /** Named in the message of an unexpected failure, so its log line can be found. */
  requestId?: string;
}

/**
 * Translate anything the SDK throws into a message a person can act on. Google's own message is
 * kept where it explains a bad request (it names the offending setting), always passed through
 * `redact` so the key cannot ride along. Only a failed fetch is a network error; a stream that
 * stopped half-way is a broken stream; anything else (an SDK's own check, a bug of ours) is
 * `internal`, logged with its stack and answered plainly.
 */
export function toAppError(error: unknown, context: ErrorContext): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ApiError) return googleError(error, context);
  if (isNetworkFailure(error)) return networkError(error, context.upstream);
  if (isStreamCut(error)) return streamBroken(context.upstream);
  return unexpected(error, context);
}

function googleError(error: ApiError, context: ErrorContext): AppError {
  const g = parseGoogleError(error);
  const status = error.status;
  const googleStatus = g.status;
  const said = g.message ? redact(g.message) : undefined;
  const make = (
    code: ErrorCode,
    message: string,
    extra: { retryable?: boolean; retryAfterMs?: number } = {},
  ) => new AppError({ code, message, googleStatus, ...extra });

  if (status === 401 || g.details?.some((d) => d.reason === "API_KEY_INVALID")) {
    return make(
      "auth:gemini",
      "Gemini rejected the server's API key. Ask the server's owner to check GEMINI_API_KEY and restart the server.",
    );
  }
  switch (status) {
    case 429: {
      const retryAfterMs = parseRetryDelay(
        g.details?.find((d) => d["@type"]?.endsWith("google.rpc.RetryInfo"))?.retryDelay,
      );
      const when = retryAfterMs
        ? `Try again in ${Math.ceil(retryAfterMs / 1000)} s`
        : "Wait a moment and try again";
      return make(
        "rate_limit:gemini",
        `Quota exceeded for ${context.model} (Gemini answered 429 RESOURCE_EXHAUSTED). ${when}, or use another model.`,
        { retryable: true, retryAfterMs },
      );
    }
    case 503:
      return make(
        "overloaded:gemini",
        `${context.model} is overloaded right now (503). Try again in a few seconds, or use another model.`,
        { retryable: true },
      );
    case 500:
      return make(
        "internal:gemini",
        "Gemini had an internal error (500). Try again; if it keeps happening, shorten the prompt or use another model.",
        { retryable: true },
      );
    case 504:
      return make(
        "unavailable:gemini",
        "Gemini did not answer in time (504). Try again, or ask for a shorter answer.",
        { retryable: true },
      );
    case 403:
      return make(
        "permission:gemini",
        `Gemini refused the request (403 ${googleStatus ?? "PERMISSION_DENIED"}): the server's API key may lack access to ${context.model}. Ask the server's owner to check the key.`,
      );
    case 404:
      return make(
        "not_found:gemini",
        `${context.model} was not found or cannot generate content. Choose another model.`,
      );
    case 400:
      return new AppError({
        code: "invalid_argument:gemini",
        googleStatus,
        message: explainInvalidArgument(said, context.model),
        field: g.details?.flatMap((d) => d.fieldViolations ?? [])[0]?.field,
      });
    default:
      return make(
        status >= 500 ? "unavailable:gemini" : "invalid_argument:gemini",
        `Gemini answered ${status}${googleStatus ? ` ${googleStatus}` : ""}${said ? `: ${said}` : ""}.`,
        { retryable: status >= 500 },
      );
  }
}

/**
 * A 400 in words a person can act on. Google's message names the offending setting and is kept;
 * refusals whose cause is not a setting get a sentence of their own: a prompt longer than the
 * model's context, a field Gemini does not know (the request was built for another API version,
 * or a setting Gemini has since renamed), and a Gemini 3 conversation whose function call lost
 * its thought signature.
 */
function explainInvalidArgument(said: string | undefined, model: string): string {
  const text = said ?? "invalid argument";
  const tooLong = text.match(/input token count \((\d+)\) exceeds the maximum[^(]*\((\d+)\)/i);
  if (tooLong) {
    const [count, limit] = [tooLong[1], tooLong[2]].map((n) => Number(n).toLocaleString("en-US"));
    return `The prompt is ${count} tokens, more than ${model} accepts (${limit}). Shorten the conversation or the system instructions, remove large files, or choose a model with a larger context window.`;
  }
  if (/thought_signature|thought signature/i.test(text)) {
    return `Gemini refused the conversation: a function call in an earlier answer is missing its thought signature, which Gemini 3 models need back exactly as they sent it in order to continue with tools (Gemini said: ${text}) Run again from the last prompt you typed, so the answer brings fresh signatures, or delete the function-call turns after it.`;
  }
  if (/only supports Interactions API/i.test(text)) {
    return "This model answers only through Gemini's Interactions API, which the playground does not call yet. Choose another model.";
  }
  const unknown = text.match(/Unknown name "([^"]+)"(?: at '([^']+)')?: Cannot find field/);
  if (unknown) {
    const where = unknown[2] ? ` in ${unknown[2]}` : "";
    return `Gemini does not know the field "${unknown[1]}"${where} and refused the request. It may be a setting this model or API version (GEMINI_API_VERSION) does not have; remove or change it and run again.`;
  }
  return `Gemini rejected the request: ${text.replace(/[.\s]+$/, "")}. Change the setting it names and run again.`;
}

/** A system error code (ECONNREFUSED, ENOTFOUND, ECONNRESET, UND_ERR_SOCKET…) on an error or its causes. */
function systemErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^(E[A-Z0-9]+|UND_ERR(_[A-Z_]+)?)$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What `fetch` throws when the network failed: a TypeError whose cause carries a system code. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError && systemErrorCode(error.cause) !== undefined;
}

/**
 * A stream that stopped half-way without a network error: the SDK's reader found a truncated or
 * unreadable event, or the in-process emulator cut the stream on purpose (`disconnect=N`).
 */
function isStreamCut(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === "EmulatorDisconnect" ||
    error.message.startsWith("Incomplete JSON segment") ||
    error.message.startsWith("exception parsing stream chunk")
  );
}

function networkError(error: unknown, upstream: string): AppError {
  const cause = systemErrorCode((error as { cause?: unknown }).cause);
  return new AppError({
    code: "network:gemini",
    retryable: true,
    message: `Could not reach ${upstream}${cause ? ` (${cause})` : ""}. Check the server's network or GEMINI_BASE_URL, then try again.`,
  });
}

function unexpected(error: unknown, context: ErrorContext): AppError {
  log("error", "unexpected failure calling Gemini", {
    requestId: context.requestId,
    model: context.model,
    error:
      error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error),
  });
  const request = context.requestId ? ` (request ${context.requestId})` : "";
  return new AppError({
    code: "internal",
    retryable: true,
    message: `Something went wrong on the server while calling ${context.upstream}${request}. Try again; the server's log has the details.`,
  });
}

/**
 * A stream that broke after it started (connection cut, malformed chunk). A Google error that
 * arrives inside the stream is not one: it keeps its own code through `toAppError`.
 */
export function streamBroken(upstream: string): AppError {
  return new AppError({
    code: "stream:gemini",
    retryable: true,
    message: `The connection to ${upstream} broke off mid-answer. What arrived is kept; run again to get the rest.`,
  });
}

/** Which wait ran out: for the first chunk, or between two chunks. */
export type UpstreamWait = "first" | "idle";

/** Gemini went quiet for longer than the server waits; the upstream request has been ended. */
export function upstreamTimeout(wait: UpstreamWait, ms: number, upstream: string): AppError {
  const seconds = `${Number((ms / 1000).toFixed(1))} s`;
  const message =
    wait === "first"
      ? `${upstream} sent no answer within ${seconds}, so the run was stopped while waiting for the first chunk. Nothing had arrived yet; run again, or ask the server's owner to raise PLAYGROUND_UPSTREAM_FIRST_CHUNK_SECONDS.`
      : `${upstream} went silent mid-answer: nothing arrived for ${seconds}, so the run was stopped. What arrived is kept; run again to get the rest, or ask the server's owner to raise PLAYGROUND_UPSTREAM_IDLE_SECONDS.`;
  return new AppError({ code: "timeout:gemini", retryable: true, message });
}
