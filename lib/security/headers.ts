import "server-only";

/** A fresh, unguessable nonce for one page's scripts. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

/**
 * The page's Content Security Policy. Scripts run only if Next gave them this request's nonce
 * (and what they load in turn: 'strict-dynamic'); development adds 'unsafe-eval', which React
 * uses there to rebuild server error stacks. Inline style attributes are allowed: the markdown
 * and highlighting renderer sets colours with them. Images and media come from our own media
 * route, data: URLs (KaTeX, SVG icons) and blob: URLs (a recording before upload). The syntax
 * highlighter is a module Worker bundled as a script of our own origin. Nothing may frame the
 * page, change its base URL, or post a form anywhere but here.
 */
export function contentSecurityPolicy({ nonce, dev }: { nonce: string; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob: data:",
    "font-src 'self' data:",
    "worker-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * The policy of an API answer the proxy did not see (a request with a body, proxy.ts): JSON or an
 * event stream, which may load nothing and be framed by nothing.
 */
export const API_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Headers every page and route carries. `csp` is left out where a route sets a policy of its own
 * (the media route's sandbox).
 */
export function securityHeaders(csp: string | undefined): Record<string, string> {
  return {
    ...(csp && { "content-security-policy": csp }),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "permissions-policy": "microphone=(self), camera=(), geolocation=()",
  };
}

/** GET /api/media/{sha256} answers with its own sandbox policy (`lib/media/serve.ts`). */
export function setsOwnPolicy(pathname: string): boolean {
  return /^\/api\/media\/[^/]+$/.test(pathname);
}

/**
 * An API answer with the security headers it lacks (a route's own policy stays). For a request
 * the proxy saw, the proxy's headers are set over these.
 */
export function withSecurityHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(securityHeaders(API_POLICY))) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
}
