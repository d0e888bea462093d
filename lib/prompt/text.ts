import type { MediaPart, Part } from "./parts";
import type { PromptDoc, Turn } from "./schema";

/** A fresh document: what "New prompt" gives. */
export function emptyPromptDoc(model: string): PromptDoc {
  return { version: 1, model, systemInstruction: "", contents: [], config: {}, tools: {} };
}

export function userTextTurn(text: string): Turn {
  return { role: "user", parts: [{ kind: "text", text }] };
}

/**
 * The prompt box as a turn: attached files first (Gemini answers best with media before the
 * question), then the text. Null when there is nothing to send.
 */
export function promptBoxTurn(
  text: string,
  attachments: readonly MediaPart[],
  role: Turn["role"] = "user",
): Turn | null {
  const parts: Part[] = [...attachments];
  if (text.trim()) parts.push({ kind: "text", text });
  return parts.length ? { role, parts } : null;
}
