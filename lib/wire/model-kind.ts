/**
 * What kind of model an id names, which decides the upstream method a run needs (generateContent
 * or Imagen's predict) and what a request may ask of it (speech models answer only in audio).
 */
export type ModelKind = "text" | "image" | "tts" | "embedding" | "imagen" | "video" | "other";

/**
 * Deep Research: an agent, not a model. It runs only in the background through the Interactions
 * API, named by `agent`, with no system instruction and no generation settings.
 */
export function isResearchAgent(id: string): boolean {
  return id.startsWith("deep-research-");
}

/**
 * The catalogue has no "kind" field; ids and supported actions are the reliable signal. Without
 * actions (a draft saved against another server's catalogue) the id alone decides.
 */
export function modelKind(id: string, actions?: readonly string[]): ModelKind {
  if (id.startsWith("imagen")) return "imagen";
  if (id.startsWith("veo")) return "video";
  if (actions?.includes("embedContent") || id.includes("embedding")) return "embedding";
  if (id.includes("tts")) return "tts";
  // "Nano Banana" is Google's name for its image models, and one id carries only that name.
  if (id.includes("image") || id.includes("nano-banana")) return "image";
  if (!actions) return "text";
  return actions.includes("generateContent") ? "text" : "other";
}
