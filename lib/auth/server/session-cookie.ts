import "server-only";
import { NextResponse } from "next/server";
import { SESSION_COOKIE, SESSION_DAYS } from "./session-token";

/** Secure over HTTPS, also when a proxy in front ended the TLS and said so. */
function isHttps(request: Request): boolean {
  return (
    new URL(request.url).protocol === "https:" ||
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https"
  );
}

/** The answer that signs a person in: their name back, and the session in an HttpOnly cookie. */
export function signedInResponse(request: Request, name: string, token: string): NextResponse {
  const response = NextResponse.json({ name }, { headers: { "cache-control": "no-store" } });
  response.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(request),
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
  return response;
}

export function signedOutResponse(request: Request): NextResponse {
  const response = NextResponse.json({ ok: true }, { headers: { "cache-control": "no-store" } });
  response.cookies.set(SESSION_COOKIE, "", {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(request),
    path: "/",
    maxAge: 0,
  });
  return response;
}
