/**
 * The Interactions API's own error envelope: `{"error": {"message": "…", "code": "invalid_request"}}`
 * with the HTTP status, and the same `{code, message}` pair in an SSE `error` event. Live 400s
 * quote it that way (allenhutchison/gemini-cli-deep-research#73: "The legacy Interactions API
 * schema is no longer supported…", code "invalid_request"; a client's decoder test quotes "Thinking
 * level LOW is not supported for this model." with the same code), and the SDK's `ErrorT` types
 * `code` as a string. Only `invalid_request` is confirmed; the other codes are Google's status
 * names in lower case, an inference. The API-key checks that run before routing keep the
 * generateContent envelope (lib/emulator/handler.ts), as every Google API's front end does.
 */
import type { JsonObject } from "@/lib/emulator/types";
import { EmulatorApiError } from "@/lib/emulator/validation/errors";
import { jsonResponse } from "@/lib/emulator/wire";

/** An error of this surface: HTTP status, message and the string code it travels with. */
export class InteractionsError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string = codeFor(status),
  ) {
    super(message);
    this.name = "InteractionsError";
  }

  toJSON(): { error: JsonObject } {
    return { error: { message: this.message, code: this.code } };
  }
}

const STATUS_CODES: Record<number, string> = {
  400: "invalid_request",
  401: "unauthenticated",
  403: "permission_denied",
  404: "not_found",
  409: "already_exists",
  429: "resource_exhausted",
  500: "internal",
  501: "unimplemented",
  503: "unavailable",
  504: "deadline_exceeded",
};

export function codeFor(status: number): string {
  return STATUS_CODES[status] ?? "unknown";
}

export function badRequest(message: string): InteractionsError {
  return new InteractionsError(400, message);
}

export function notFound(message: string): InteractionsError {
  return new InteractionsError(404, message);
}

/**
 * Errors raised by the shared generation code (validation, thinking rules, directives) keep their
 * status and message; the status name becomes the code, except INVALID_ARGUMENT, which this API
 * calls `invalid_request`.
 */
export function toInteractionsError(error: unknown): InteractionsError | undefined {
  if (error instanceof InteractionsError) return error;
  if (error instanceof EmulatorApiError) {
    const status = error.body.status;
    const code = status === "INVALID_ARGUMENT" ? "invalid_request" : status.toLowerCase();
    return new InteractionsError(error.status, error.message, code);
  }
  if (error instanceof Error && error.name === "DirectiveError") {
    return badRequest(error.message);
  }
  return undefined;
}

export function errorResponse(error: InteractionsError, requestId: string): Response {
  return jsonResponse(error.toJSON(), requestId, error.status);
}
