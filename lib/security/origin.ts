import "server-only";
import { AppError } from "@/lib/errors";

/** What the origin rules read of a request: nothing of its body. */
export interface RequestHead {
  method: string;
  /** The path, e.g. `/api/run`. */
  pathname: string;
  headers: Headers;
}

const STATE_CHANGING = new Set(["POST", "PUT", "DELETE", "PATCH"]);

/** Routes that take something other than JSON: the upload takes a file's raw bytes. */
const RAW_BODY_ROUTES = [{ method: "POST", pathname: "/api/media" }];

/**
 * Every POST, PUT, DELETE or PATCH, whatever its path: the state changes live under /api/, and no
 * page takes one, so a path spelled oddly (`/%61pi/run`) cannot slip past the rule.
 */
export function isStateChange({ method }: Pick<RequestHead, "method">): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

/**
 * A page on another site can make the browser send a POST here without asking (a form, a no-cors
 * fetch): it cannot read the answer, but the run would spend the server's key all the same. So a
 * state change must come from our own pages — an Origin whose host is the request's Host, or the
 * browser's own `Sec-Fetch-Site: same-origin` — or from an origin the operator listed. A request
 * that says neither is refused too: browsers always send one, and scripts can send an Origin.
 */
export function refuseCrossSite(
  head: RequestHead,
  allowedOrigins: readonly string[],
): AppError | undefined {
  if (!isStateChange(head)) return undefined;
  if (head.headers.get("sec-fetch-site") === "same-origin") return undefined;
  const origin = head.headers.get("origin");
  const host = head.headers.get("host")?.toLowerCase();
  if (origin && (originHost(origin) === host || allowedOrigins.includes(origin))) return undefined;
  const own = host ? `http://${host}` : "this server's own origin";
  return new AppError({
    code: "forbidden:origin",
    message: origin
      ? `The server refused this request because it came from another site (${JSON.stringify(origin.slice(0, 100))}): only the playground's own pages may run prompts or upload files. A page served from another origin must be listed in PLAYGROUND_ALLOWED_ORIGINS; a script can send the header Origin: ${own}.`
      : `The server refused this request because it did not say where it came from (no Origin or Sec-Fetch-Site header). A script can send the header Origin: ${own} (the server's own origin).`,
  });
}

/**
 * A cross-site form can only send text/plain, form or multipart bodies, and a no-cors fetch the
 * same; JSON needs a CORS preflight the server never grants. Requiring application/json on every
 * JSON route is the second lock, checked before a byte of the body is read.
 */
export function refuseNonJson(head: RequestHead): AppError | undefined {
  if (!isStateChange(head) || takesRawBody(head)) return undefined;
  if (head.method.toUpperCase() === "DELETE" && !hasBody(head.headers)) return undefined;
  const type = head.headers.get("content-type") ?? "";
  const essence = type.split(";")[0]?.trim().toLowerCase();
  if (essence === "application/json") return undefined;
  return new AppError({
    code: "unsupported_media_type",
    message: `This endpoint takes a JSON body: send it with Content-Type: application/json${type ? ` (this request said ${JSON.stringify(type.slice(0, 100))})` : ""}.`,
  });
}

function takesRawBody({ method, pathname }: RequestHead): boolean {
  const path = pathname.replace(/\/+$/, "");
  return RAW_BODY_ROUTES.some((r) => r.method === method.toUpperCase() && r.pathname === path);
}

function hasBody(headers: Headers): boolean {
  return Number(headers.get("content-length") ?? 0) > 0 || headers.has("transfer-encoding");
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
