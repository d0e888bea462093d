/**
 * How the compat endpoint prints JSON, which is not how the native API does: keys come out in
 * alphabetical order at every depth (`choices`, `created`, `id`, `model`, `object`, `usage`; in a
 * tool call `extra_content`, `function`, `id`, `type`), unary bodies are pretty-printed with two
 * spaces (softwaremill/sttp-ai#338, free-claude-code#542) and stream chunks are compact with no
 * space at all (discuss.ai.google.dev/t/127400 quotes them byte for byte), unlike the native
 * stream's `"key": value`. `<` and `>` travel as `\u003c`/`\u003e`, as everywhere on Google's
 * front end.
 */
import type { JsonValue } from "@/lib/emulator/types";
import { baseHeaders, JSON_CONTENT_TYPE, SSE_CONTENT_TYPE } from "@/lib/emulator/wire";

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) sorted[key] = sortKeys(item);
  }
  return sorted;
}

function escapeAngles(json: string): string {
  return json.replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
}

export function compatPretty(value: JsonValue | object): string {
  return `${escapeAngles(JSON.stringify(sortKeys(value), null, 2))}\n`;
}

export function compatCompact(value: JsonValue | object): string {
  return escapeAngles(JSON.stringify(sortKeys(value)));
}

/** One OpenAI-style server-sent event: `data: {…}` and a blank line. */
export function compatFrame(value: JsonValue | object): string {
  return `data: ${compatCompact(value)}\n\n`;
}

export const DONE_FRAME = "data: [DONE]\n\n";

export function compatJsonResponse(
  value: JsonValue | object,
  requestId: string,
  status = 200,
): Response {
  return new Response(compatPretty(value), {
    status,
    headers: baseHeaders(JSON_CONTENT_TYPE, requestId),
  });
}

export function compatSseHeaders(requestId: string): Headers {
  const headers = baseHeaders(SSE_CONTENT_TYPE, requestId);
  headers.set("cache-control", "no-cache");
  return headers;
}
