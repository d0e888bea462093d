import type { ModelKind } from "./types";

/**
 * The catalogue has no "kind" field; ids and supported actions are the reliable signal. Without
 * actions (a draft saved against another server's catalogue) the id alone decides.
 */
export function modelKind(id: string, actions?: readonly string[]): ModelKind {
  if (id.startsWith("imagen")) return "imagen";
  if (id.startsWith("veo")) return "video";
  if (actions?.includes("embedContent") || id.includes("embedding")) return "embedding";
  if (id.includes("tts")) return "tts";
  if (id.includes("image")) return "image";
  if (!actions) return "text";
  return actions.includes("generateContent") ? "text" : "other";
}
