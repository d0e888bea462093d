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
      const refusal = refuseRequest(
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
