import "server-only";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { refuseRequest } from "@/lib/security/guard";
import { withSecurityHeaders } from "@/lib/security/headers";

export interface RequestContext {
  requestId: string;
}

/**
 * Wraps a route handler: every failure becomes our JSON error shape with the request id, and
 * anything unexpected is logged in full but answered with a plain message (never a stack). The
 * security rules run first, before the body is touched: requests with a body reach no proxy
 * (proxy.ts), so this is where they meet them.
 */
export function handle(
  fn: (request: Request, context: RequestContext) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const requestId = crypto.randomUUID();
    try {
      const refusal = await refuseRequest(
        {
          method: request.method,
          pathname: new URL(request.url).pathname,
          headers: request.headers,
        },
        serverEnv(),
      );
      if (refusal) throw refusal;
      const response = await fn(request, { requestId });
      response.headers.set("x-request-id", requestId);
      return withSecurityHeaders(response);
    } catch (error) {
      if (isClientAbort(error, request)) {
        // The client went away (a closed tab, Stop mid-upload): a normal end, not a failure.
        log("info", "client closed the request", {
          requestId,
          path: new URL(request.url).pathname,
        });
        return new Response(null, { status: 499, headers: { "x-request-id": requestId } });
      }
      const appError =
        error instanceof AppError
          ? error.withRequestId(requestId)
          : new AppError({
              code: "internal",
              requestId,
              retryable: true,
              message: `Something went wrong on the server (request ${requestId}). Try again; the server's log has the details.`,
            });
      if (!(error instanceof AppError)) {
        log("error", "unhandled route error", {
          requestId,
          path: new URL(request.url).pathname,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      }
      const response = appError.toResponse();
      response.headers.set("x-request-id", requestId);
      return withSecurityHeaders(response);
    }
  };
}

/**
 * A failure caused by the client leaving: the request's signal fired, or reading the body failed
 * because the connection was cut (Node's "aborted" / ECONNRESET, an AbortError). Those are not
 * the server's errors, and a stack for each would bury the real ones in the log.
 */
export function isClientAbort(error: unknown, request: Request): boolean {
  if (error instanceof AppError) return false;
  if (request.signal.aborted) return true;
  for (let cause = error, hops = 0; cause && hops < 4; hops++) {
    if (!(cause instanceof Error)) break;
    const code = (cause as { code?: unknown }).code;
    if (cause.name === "AbortError" || code === "ECONNRESET" || code === "ABORT_ERR") return true;
    if (cause.message === "aborted") return true;
    cause = cause.cause;
  }
  return false;
}
