import type { PromptDoc, RunConfig } from "@/lib/prompt";
import { isResearchAgent, type ModelKind, modelKind } from "./model-kind";

/**
 * The three doors Google offers to the same models. One prompt document maps to the Gemini
 * API's request (`request.ts`); each other door takes that request in its own body
 * (`openai-request.ts`, `interactions-request.ts`), and its answers come back as Gemini's chunks,
 * so everything after the request is the same for all three.
 */
export type RunApi = NonNullable<RunConfig["api"]>;

export const API_LABELS: Record<RunApi, string> = {
  gemini: "Gemini API",
  interactions: "Interactions API",
  openai: "OpenAI compatibility",
};

export function runApi(config: RunConfig): RunApi {
  return config.api ?? "gemini";
}

/** Audio the OpenAI-compatible endpoint takes as `input_audio`, by its format name there. */
export const OPENAI_AUDIO_FORMATS: Readonly<Record<string, "wav" | "mp3">> = {
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "audio/mp3": "mp3",
  "audio/mpeg": "mp3",
};

/**
 * What the chosen door cannot carry for this document, in the words of the settings panel. A
 * run through it is refused while the list is not empty: nothing is dropped or changed on the
 * way without the person knowing.
 */
export function apiGaps(doc: PromptDoc, kind: ModelKind = modelKind(doc.model)): string[] {
  const api = runApi(doc.config);
  if (isResearchAgent(doc.model)) return agentGaps(doc);
  // Only the Interactions API runs a prompt without the page.
  const interactionsOnly = api === "interactions" ? [] : interactionsSettings(doc.config);
  if (api === "gemini") return interactionsOnly;
  const gaps: string[] = [...interactionsOnly];
  const { config, tools } = doc;
  if (kind === "imagen") gaps.push("Imagen models");
  if (kind === "image" || kind === "tts" || config.responseModalities?.some((m) => m !== "TEXT")) {
    gaps.push("Image and speech output");
  }
  if (config.topK !== undefined) gaps.push("Top K");
  if (config.mediaResolution) gaps.push("Media resolution");
  if (api === "interactions") {
    if (config.presencePenalty !== undefined) gaps.push("Presence penalty");
    if (config.frequencyPenalty !== undefined) gaps.push("Frequency penalty");
    const budget = config.thinking?.budget;
    if (budget !== undefined && budget !== -1) {
      gaps.push("Thinking budget (the Interactions API takes a thinking level)");
    }
    if (tools.allowedFunctionNames?.length) gaps.push("Allowed function names");
    if (doc.contents.some((t) => t.parts.some((p) => p.kind === "executableCode"))) {
      gaps.push("Code execution steps in the conversation");
    }
    return gaps;
  }
  if (config.safetySettings?.length) gaps.push("Safety settings");
  if (config.responseMimeType === "text/x.enum") gaps.push("Enum output (text/x.enum)");
  if (tools.googleSearch) gaps.push("Grounding with Google Search");
  if (tools.codeExecution) gaps.push("Code execution");
  if (tools.urlContext) gaps.push("URL context");
  if (tools.functionCallingMode === "VALIDATED") gaps.push("Function calling mode VALIDATED");
  if (tools.functionCallingMode === "ANY" && (tools.allowedFunctionNames?.length ?? 0) > 1) {
    gaps.push("More than one allowed function");
  }
  const parts = doc.contents.flatMap((turn) => turn.parts.map((part) => ({ turn, part })));
  const files = new Set<string>();
  for (const { turn, part } of parts) {
    if (part.kind === "executableCode" || part.kind === "codeExecutionResult") {
      files.add("Code execution steps in the conversation");
    } else if (part.kind === "media" && turn.role === "model") {
      files.add("Images or speech in the model's turns");
    } else if (
      part.kind === "media" &&
      !part.mimeType.startsWith("image/") &&
      !OPENAI_AUDIO_FORMATS[part.mimeType]
    ) {
      files.add(`${part.mimeType} files (only images and WAV or MP3 audio)`);
    }
  }
  gaps.push(...files);
  return gaps;
}

/** Settings only the Interactions API carries. */
function interactionsSettings(config: RunConfig): string[] {
  return [
    ...(config.background ? ["Run in background"] : []),
    ...(config.store ? ["Keep history at Google"] : []),
  ];
}

/**
 * Deep Research is an agent: it runs only in the background through the Interactions API, and
 * takes the conversation and its research tools (search, URL context, code execution) alone.
 */
function agentGaps(doc: PromptDoc): string[] {
  const { config, tools } = doc;
  const gaps: string[] = [];
  if (runApi(config) !== "interactions")
    gaps.push("Deep Research (an agent of the Interactions API)");
  if (!config.background) gaps.push("Deep Research without Run in background");
  if (doc.systemInstruction.trim()) gaps.push("System instructions (an agent takes none)");
  const settings = Object.entries(config)
    .filter(([key, value]) => value !== undefined && !["api", "background", "store"].includes(key))
    .map(([key]) => key);
  if (settings.length) gaps.push(`Run settings for a model (${settings.join(", ")})`);
  if (tools.functionDeclarations?.length) gaps.push("Function declarations");
  return gaps;
}
