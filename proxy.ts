import { type NextRequest, NextResponse } from "next/server";
import { signInUrl } from "@/lib/auth/server/gate";
import { serverEnv } from "@/lib/env";
import { refuseRequest } from "@/lib/security/guard";
import {
  contentSecurityPolicy,
  newNonce,
  securityHeaders,
  setsOwnPolicy,
} from "@/lib/security/headers";

/**
 * Runs before pages and routes: refuses what `refuseRequest` refuses before any body is read,
 * and sets the security headers, with a fresh nonce Next puts on its own scripts.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const head = {
    method: request.method,
    pathname: request.nextUrl.pathname,
    headers: request.headers,
  };
  const env = serverEnv();
  const refusal = await refuseRequest(head, env);
  const csp = contentSecurityPolicy({
    nonce: newNonce(),
    dev: process.env.NODE_ENV === "development",
  });
  const headers = securityHeaders(setsOwnPolicy(head.pathname) ? undefined : csp);
  if (refusal) {
    // A page asks the person to sign in, and comes back here after; an API call gets the error.
    const toSignIn =
      refusal.body.code === "unauthorized" &&
      env.accessCodes.length > 0 &&
      !head.pathname.startsWith("/api/") &&
      request.method === "GET";
    const response = toSignIn
      ? NextResponse.redirect(
          new URL(signInUrl(request.nextUrl.pathname + request.nextUrl.search), request.nextUrl),
        )
      : refusal.toResponse();
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  }
  // Next reads the nonce from the request's policy header and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    // Next hands the proxy a copy of a request's body and holds the route back until the whole
    // body has arrived, buffered in memory and cut at 10 MB: an upload would lose its streaming,
    // its limits and its tail. So API requests with a body skip the proxy; `handle`
    // (lib/api/handle.ts) runs the same rules for them before reading a byte.
    {
      source: "/api/:path*",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
    // Pages take no body worth keeping. Built assets are the same for every Host: they skip it.
    "/((?!api|_next/static|_next/image|favicon.ico).*)",
  ],
};
