/**
 * One error vocabulary for server and browser. The server builds an AppError, sends
 * `toJSON()` (as a JSON body or an SSE `error` event), and the browser decodes the same shape.
 * Upstream details are logged with the request id on the server; only `message` (written for a
 * person) travels.
 */
/**
 * Every error code and the HTTP status it is answered with: the type decides the status, so no
 * call spells one. Errors from Gemini that are the server's problem, not the request's (a bad
 * key, a refused permission, an unreachable or broken upstream), are 502: the browser's request
 * was fine, the gateway behind it was not.
 */
export const ERROR_STATUS = {
  "bad_request:json": 400,
  "bad_request:prompt": 400,
  "bad_request:model": 400,
  "bad_request:media": 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** A saved prompt (or revision) that does not exist or was deleted. */
  not_found: 404,
  /** A stored file that is asked for by hash and not held. */
  media_missing: 404,
  /** Not signed in, or a wrong access code. */
  unauthorized: 401,
  /** Something only its author may do (delete a saved prompt). */
  "forbidden:author": 403,
  /** A server with no access code answers only its own machine. */
  "forbidden:remote": 403,
  /** Too many wrong access codes from one client: wait, then try again. */
  "limit:sign_in": 429,
  /** A state-changing request from another site (no same-origin Origin or Sec-Fetch-Site). */
  "forbidden:origin": 403,
  /** A Host header this server does not answer to (DNS rebinding, a wrong name). */
  misdirected_host: 421,
  /** An upload that stopped sending. */
  "timeout:upload": 408,
  /** Too many runs at once, for this client or the whole server. */
  "limit:runs": 429,
  /** Too many uploads at once, for this client or the whole server. */
  "limit:uploads": 429,
  /** Too many request bytes being read at once. */
  "limit:bytes": 429,
  /** The media store's total quota is used up. */
  storage_full: 507,
  /** Gemini sent nothing for too long: before the first chunk, or between chunks. */
  "timeout:gemini": 504,
  "rate_limit:gemini": 429,
  "invalid_argument:gemini": 400,
  /** The model named does not exist or cannot generate: the request named it. */
  "not_found:gemini": 400,
  "overloaded:gemini": 503,
  "internal:gemini": 500,
  "unavailable:gemini": 502,
  "auth:gemini": 502,
  "permission:gemini": 502,
  "network:gemini": 502,
  "stream:gemini": 502,
  /** The database cannot be reached: nothing was saved, the draft stays in the browser. */
  "unavailable:database": 503,
  internal: 500,
} as const satisfies Record<string, number>;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface AppErrorBody {
  code: ErrorCode;
  /** Written for the person at the keyboard: the cause and what to do. */
  message: string;
  /** The HTTP status this error was (or would be) answered with: `ERROR_STATUS[code]`. */
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

  constructor(body: Omit<AppErrorBody, "retryable" | "status"> & { retryable?: boolean }) {
    super(body.message);
    this.name = "AppError";
    this.body = { retryable: false, ...body, status: ERROR_STATUS[body.code] };
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
