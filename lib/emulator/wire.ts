/**
 * Byte-level habits of Google's JSON: unary bodies are pretty-printed with two spaces, stream
 * chunks are compact but keep a space after each colon (none after commas), and `<`/`>` inside
 * strings travel as `\u003c`/`\u003e`. Clients that compare bytes, or naive SSE parsers that split
 * on `>`-free assumptions, see exactly what they would from Google.
 */
import type { JsonValue } from "./types";

/** `<` and `>` only ever occur inside string literals in JSON, so a global replace is safe. */
function escapeAngles(json: string): string {
  return json.replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
}

function compact(value: unknown): string | undefined {
  if (value === undefined || typeof value === "function") return undefined;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    return `[${value.map((item) => compact(item) ?? "null").join(",")}]`;
  }
  const fields: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const encoded = compact(item);
    if (encoded !== undefined) fields.push(`${JSON.stringify(key)}: ${encoded}`);
  }
  return `{${fields.join(",")}}`;
}

/** The stream-chunk form: `{"a": 1,"b": [1,2]}`. */
export function toStreamJson(value: JsonValue | object): string {
  return escapeAngles(compact(value) ?? "null");
}

/** The unary form: two-space indentation, as Google's front end prints it. */
export function toPrettyJson(value: JsonValue | object): string {
  return escapeAngles(JSON.stringify(value, null, 2));
}

/** One server-sent event exactly as Google frames it: no `event:` line, CRLF CRLF after. */
export function sseFrame(value: JsonValue | object): string {
  return `data: ${toStreamJson(value)}\r\n\r\n`;
}

export const JSON_CONTENT_TYPE = "application/json; charset=UTF-8";
export const SSE_CONTENT_TYPE = "text/event-stream";

/** Headers Google sends on every API answer that clients are known to look at. */
export function baseHeaders(contentType: string, requestId: string): Headers {
  return new Headers({
    "content-type": contentType,
    vary: "Origin, X-Origin, Referer",
    "x-content-type-options": "nosniff",
    "x-emulator-request-id": requestId,
  });
}

export function jsonResponse(value: JsonValue | object, requestId: string, status = 200): Response {
  return new Response(`${toPrettyJson(value)}\n`, {
    status,
    headers: baseHeaders(JSON_CONTENT_TYPE, requestId),
  });
}
