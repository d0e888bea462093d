/**
 * One error vocabulary for server and browser. The server builds an AppError, sends
 * `toJSON()` (as a JSON body or an SSE `error` event), and the browser decodes the same shape.
 * Upstream details are logged with the request id on the server; only `message` (written for a
 * person) travels.
 */
export const ERROR_CODES = [
  "bad_request:json",
  "bad_request:prompt",
  "bad_request:model",
  "payload_too_large",
  "bad_request:media",
  "unsupported_media_type",
  "media_missing",
  "unauthorized",
  "rate_limit:gemini",
  "overloaded:gemini",
  "unavailable:gemini",
  "internal:gemini",
  "invalid_argument:gemini",
  "auth:gemini",
  "permission:gemini",
  "not_found:gemini",
  "network:gemini",
  "stream:gemini",
  "internal",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorBody {
  code: ErrorCode;
  /** Written for the person at the keyboard: the cause and what to do. */
  message: string;
  /** The HTTP status this error was (or would be) answered with. */
  status: number;
  /** Google's canonical status, e.g. RESOURCE_EXHAUSTED, when the error came from Gemini. */
  googleStatus?: string;
  retryable: boolean;
  retryAfterMs?: number;
  /** The offending field, for validation errors. */
  field?: string;
  requestId?: string;
}

export class AppError extends Error {
  readonly body: AppErrorBody;

  constructor(body: Omit<AppErrorBody, "retryable"> & { retryable?: boolean }) {
    super(body.message);
    this.name = "AppError";
    this.body = { retryable: false, ...body };
  }

  get status(): number {
    return this.body.status;
  }

  withRequestId(requestId: string): AppError {
    return new AppError({ ...this.body, requestId });
  }

  toJSON(): { error: AppErrorBody } {
    return { error: this.body };
  }

  toResponse(): Response {
    const headers: Record<string, string> = { "cache-control": "no-store" };
    if (this.body.retryAfterMs !== undefined) {
      headers["retry-after"] = String(Math.ceil(this.body.retryAfterMs / 1000));
    }
    return Response.json(this.toJSON(), { status: this.body.status, headers });
  }
}

/** Decode an error body from our API; anything else becomes a generic, honest message. */
export function decodeAppError(json: unknown, status: number): AppErrorBody {
  const body = (json as { error?: Partial<AppErrorBody> } | null)?.error;
  if (body && typeof body.code === "string" && typeof body.message === "string") {
    return { retryable: false, status, ...body } as AppErrorBody;
  }
  return {
    code: "internal",
    message: `The server answered ${status} without an explanation. Try again; if it persists, check the server's log.`,
    status,
    retryable: status >= 500,
  };
}
