import type { AppErrorBody } from "@/lib/errors";

/**
 * How the browser reads a failure, for every endpoint: our server's `{ error: AppErrorBody }`,
 * decoded here and nowhere else, and the failures only the browser can observe (no server, a
 * connection cut short), which carry no HTTP status. Client functions throw `RequestError` (the run
 * stream emits its body as an `error` event), so a hook shows `error.body.message` whatever the
 * endpoint.
 */
export class RequestError extends Error {
  readonly body: AppErrorBody;

  constructor(body: AppErrorBody) {
    super(body.message);
    this.name = "RequestError";
    this.body = body;
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

/** An error only the browser can observe: status 0, since no answer from our server carried it. */
export function browserError(message: string): AppErrorBody {
  return { code: "internal", message, status: 0, retryable: true };
}

export const UNREACHABLE_MESSAGE =
  "Could not reach the playground server. Check that it is running and your network connection, then try again.";
export const INTERRUPTED_MESSAGE =
  "The connection to the playground server closed before the answer finished. Try again.";

/** The request never got an answer. An endpoint may say it in its own words (what failed). */
export const unreachable = (message = UNREACHABLE_MESSAGE) => browserError(message);
/** An OK answer whose body is not what the endpoint promised (a proxy's page, say). */
export const unreadable = (status: number): AppErrorBody => ({
  ...browserError(
    "The server's answer could not be read. Try again; if it persists, check the server's log.",
  ),
  status,
});
/** A streamed answer stopped before its end. */
export const interrupted = () => browserError(INTERRUPTED_MESSAGE);

/** What a hook shows for a failed call: the decoded error, or `fallback` for anything else. */
export function errorBody(error: unknown, fallback: string): AppErrorBody {
  return error instanceof RequestError ? error.body : browserError(fallback);
}
