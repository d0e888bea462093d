import "server-only";

/**
 * The prompt id in a route's path, `from_end` segments before its end: `/api/prompts/{id}` is 1,
 * `/api/prompts/{id}/revisions` 2. The route wrapper hands handlers the request alone.
 */
export function promptIdFromPath(request: Request, fromEnd: number): string {
  const segments = new URL(request.url).pathname.replace(/\/+$/, "").split("/");
  return decodeURIComponent(segments.at(-fromEnd) ?? "");
}
