import type { PromptDoc, Turn } from "./schema";

/** A fresh document: what "New prompt" gives. */
export function emptyPromptDoc(model: string): PromptDoc {
  return { version: 1, model, systemInstruction: "", contents: [], config: {}, tools: {} };
}

export function userTextTurn(text: string): Turn {
  return { role: "user", parts: [{ kind: "text", text }] };
}
