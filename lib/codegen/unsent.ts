import type { PromptDoc, RunConfig } from "@/lib/prompt";
import type { ModelKind } from "@/lib/wire/model-kind";

/**
 * What a document holds that its Gemini API request does not carry, said in the settings panel's
 * words. Run leaves these out too (the mapping in lib/wire/request.ts decides); generated code
 * says so at its top instead of leaving them out silently.
 */
const SETTING_LABELS: Readonly<Record<keyof RunConfig, string>> = {
  api: "API",
  background: "Run in background",
  store: "Keep history at Google",
  temperature: "Temperature",
  topP: "Top P",
  topK: "Top K",
  maxOutputTokens: "Max output tokens",
  stopSequences: "Stop sequences",
  seed: "Seed",
  presencePenalty: "Presence penalty",
  frequencyPenalty: "Frequency penalty",
  responseMimeType: "Output format",
  responseSchema: "Response schema",
  mediaResolution: "Media resolution",
  safetySettings: "Safety settings",
  thinking: "Thinking",
  responseModalities: "Output modalities",
  speech: "Voices",
  numberOfImages: "Pictures per run",
  imageAspectRatio: "Aspect ratio",
};

export function unsentNotes(doc: PromptDoc, kind: ModelKind): string[] {
  return kind === "imagen" ? imagenNotes(doc) : generateContentNotes(doc, kind);
}

function generateContentNotes(doc: PromptDoc, kind: ModelKind): string[] {
  const { config, tools } = doc;
  const notes: string[] = [];
  if (config.numberOfImages !== undefined) {
    notes.push(
      `Pictures per run (${config.numberOfImages}) applies to Imagen models only and is not sent.`,
    );
  }
  const declared = (tools.functionDeclarations?.length ?? 0) > 0;
  if (tools.functionCallingMode && !declared) {
    notes.push(
      `Function calling mode ${tools.functionCallingMode} is not sent: the prompt declares no functions.`,
    );
  }
  const allowed = tools.allowedFunctionNames ?? [];
  if (allowed.length && !(declared && tools.functionCallingMode === "ANY")) {
    notes.push(
      `Allowed function names (${allowed.join(", ")}) are sent only with function calling mode ANY and declared functions.`,
    );
  }
  const chosen = config.responseModalities;
  if (kind === "tts" && chosen?.length && chosen.join() !== "AUDIO") {
    notes.push(
      `Speech models answer only in audio: the request asks for AUDIO, not ${chosen.join(" and ")}.`,
    );
  }
  return notes;
}

/** Imagen reads the last user turn's text, the number of pictures and the aspect ratio only. */
function imagenNotes(doc: PromptDoc): string[] {
  const left: string[] = [];
  if (doc.systemInstruction.trim()) left.push("the system instructions");
  const lastUser = doc.contents.findLastIndex((turn) => turn.role === "user");
  if (doc.contents.some((_, i) => i !== lastUser)) left.push("the earlier turns");
  if (doc.contents[lastUser]?.parts.some((part) => part.kind !== "text")) {
    left.push("everything but the text of the last turn");
  }
  for (const [key, value] of Object.entries(doc.config)) {
    if (value === undefined || key === "numberOfImages" || key === "imageAspectRatio") continue;
    left.push(`${SETTING_LABELS[key as keyof RunConfig]} (${JSON.stringify(value)})`);
  }
  for (const [key, value] of Object.entries(doc.tools)) {
    if (value !== undefined && value !== false) left.push(`the tool setting ${key}`);
  }
  if (!left.length) return [];
  return [
    `Imagen models take only the text of the last user turn, the number of pictures and the aspect ratio; not sent: ${left.join("; ")}.`,
  ];
}
