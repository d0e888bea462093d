/**
 * What a model accepts, derived from its catalogue entry (`/api/models`) plus id patterns where
 * the catalogue has no field (thinking style, tools, penalties). Pure and isomorphic: the settings
 * panel bounds its controls with it, and `adaptToModel` keeps a document runnable when the model
 * changes. Type-only imports from the prompt schema keep zod out of the page's first load.
 */
import type { RunConfig, ToolsConfig } from "@/lib/prompt/config";
import { modelKind } from "@/lib/wire/model-kind";
import { type AspectRatio, type Modality, outputCapabilities } from "./output-capabilities";
import type { ModelInfo, ModelKind } from "./types";

export type ThinkingLevel = NonNullable<NonNullable<RunConfig["thinking"]>["level"]>;
export type ResponseMimeType = NonNullable<RunConfig["responseMimeType"]>;
export type { AspectRatio, Modality } from "./output-capabilities";
export { IMAGE_ASPECT_RATIOS, IMAGEN_ASPECT_RATIOS } from "./output-capabilities";

export const THINKING_LEVELS: readonly ThinkingLevel[] = ["minimal", "low", "medium", "high"];

export interface NumberRange {
  min: number;
  max: number;
  step: number;
  /** What the model uses when the document leaves the setting out; shown as the placeholder. */
  default?: number;
}

export type ThinkingCapability =
  | { kind: "none" }
  /** Gemini 2.5: -1 dynamic, 0 off where `canDisable`, else a budget in `min..max`. */
  | { kind: "budget"; min: number; max: number; canDisable: boolean }
  /** Gemini 3: a named level; unset means `default`. */
  | { kind: "level"; levels: readonly ThinkingLevel[]; default: ThinkingLevel };

export interface ModelCapabilities {
  id: string;
  displayName: string;
  kind: ModelKind;
  temperature: NumberRange | null;
  topP: NumberRange | null;
  topK: NumberRange | null;
  /** Null for Imagen, which answers with pictures and takes no token limit. */
  maxOutputTokens: NumberRange | null;
  presencePenalty: NumberRange | null;
  frequencyPenalty: NumberRange | null;
  seed: boolean;
  stopSequences: boolean;
  mediaResolution: boolean;
  safetySettings: boolean;
  /** Empty when the model only answers in its own format (images, speech). */
  responseMimeTypes: readonly ResponseMimeType[];
  thinking: ThinkingCapability;
  /** `includeThoughts`: the model thinks and can return a summary of it. */
  showThoughts: boolean;
  structuredOutput: boolean;
  functionCalling: boolean;
  googleSearch: boolean;
  codeExecution: boolean;
  urlContext: boolean;
  /**
   * The `responseModalities` values a document may hold for this model, each as sent. Empty when
   * the model answers one way only: speech models always get AUDIO (`runModalities` in lib/wire/request.ts), Imagen has
   * no such setting.
   */
  responseModalities: readonly (readonly Modality[])[];
  /** Empty when the model takes no aspect ratio. */
  aspectRatios: readonly AspectRatio[];
  /** Imagen: pictures per run. */
  numberOfImages: NumberRange | null;
  /** Speech models: prebuilt voices for up to this many speakers; 0 elsewhere. */
  maxSpeakers: number;
}

/**
 * The `-latest` aliases name no version, and the catalogue doesn't say what they point at. Google
 * points them at the 2.5 releases (and the emulator answers them as such), so they get 2.5 rules.
 */
const ALIASES: Record<string, string> = {
  "gemini-flash-latest": "gemini-2.5-flash",
  "gemini-flash-lite-latest": "gemini-2.5-flash-lite",
  "gemini-pro-latest": "gemini-2.5-pro",
};

interface Family {
  /** 2, 2.5, 3, 3.1, 3.5 … */
  generation: number;
  tier: "pro" | "flash" | "flash-lite";
}

export function geminiFamily(id: string): Family | undefined {
  const match = /^gemini-(\d+(?:\.\d+)?)-(pro|flash-lite|flash)(?:-|$)/.exec(ALIASES[id] ?? id);
  if (!match) return undefined;
  return { generation: Number(match[1]), tier: match[2] as Family["tier"] };
}

/** Budget ranges as Google documents them for the 2.5 family. */
function budgetFor(family: Family): ThinkingCapability {
  if (family.tier === "pro") return { kind: "budget", min: 128, max: 32768, canDisable: false };
  if (family.tier === "flash-lite")
    return { kind: "budget", min: 512, max: 24576, canDisable: true };
  return { kind: "budget", min: 1, max: 24576, canDisable: true };
}

function thinkingFor(family: Family | undefined, thinks: boolean, kind: ModelKind) {
  if (!thinks || !family || kind !== "text") return { kind: "none" } as const;
  if (family.generation === 2.5) return budgetFor(family);
  if (family.generation < 3) return { kind: "none" } as const;
  // Gemini 3 Pro takes low/high; 3.1 Pro added medium; Flash tiers also go down to minimal.
  const levels: ThinkingLevel[] =
    family.tier !== "pro"
      ? ["minimal", "low", "medium", "high"]
      : family.generation >= 3.1
        ? ["low", "medium", "high"]
        : ["low", "high"];
  return { kind: "level", levels, default: "high" } as const;
}

/** Gemini takes [-2, 2): the slider stops a step short of 2. */
const PENALTY: NumberRange = { min: -2, max: 1.9, step: 0.1, default: 0 };

export function modelCapabilities(id: string, info?: ModelInfo): ModelCapabilities {
  const kind = info?.kind ?? modelKind(id);
  const family = geminiFamily(id);
  const gemini = family !== undefined;
  // Without a catalogue entry the id's kind decides: Imagen, Veo and embeddings don't generate content.
  const runnable = info
    ? info.supportedActions.includes("generateContent")
    : kind === "text" || kind === "image" || kind === "tts";
  const chat = runnable && kind === "text";
  // Gemma and unknown ids are given the benefit of the doubt only where a wrong guess is harmless.
  const tools = chat && gemini && !(family.generation < 2.5 && family.tier === "flash-lite");
  const samples = runnable && (!info || info.temperature !== undefined);
  const thinking = thinkingFor(family, info ? info.thinking === true : gemini, kind);
  return {
    id,
    displayName: info?.displayName ?? id,
    kind,
    temperature: samples
      ? { min: 0, max: info?.maxTemperature ?? 2, step: 0.05, default: info?.temperature ?? 1 }
      : null,
    topP: samples ? { min: 0, max: 1, step: 0.01, default: info?.topP ?? 0.95 } : null,
    // Gemini 3 ignores top-k; the catalogue's topK is the largest pool the model samples from.
    topK:
      samples && !(family && family.generation >= 3) && (!info || info.topK !== undefined)
        ? { min: 1, max: info?.topK ?? 40, step: 1, default: info?.topK ?? 40 }
        : null,
    maxOutputTokens: runnable
      ? { min: 1, max: info?.outputTokenLimit ?? 8192, step: 1, default: info?.outputTokenLimit }
      : null,
    // Google answers "Penalty is not enabled for this model" on everything after 2.0.
    presencePenalty: chat && (!family || family.generation < 2.5) ? PENALTY : null,
    frequencyPenalty: chat && (!family || family.generation < 2.5) ? PENALTY : null,
    seed: runnable && kind !== "tts",
    stopSequences: chat,
    mediaResolution: chat && (gemini || !info),
    safetySettings: runnable,
    responseMimeTypes:
      chat && (gemini || !info) ? ["text/plain", "application/json", "text/x.enum"] : [],
    thinking,
    showThoughts: thinking.kind !== "none" || (kind === "image" && info?.thinking === true),
    structuredOutput: chat && (gemini || !info),
    functionCalling: chat && (gemini || !info),
    googleSearch: tools,
    codeExecution: tools,
    urlContext: tools && !(family.generation < 2.5 && family.tier !== "flash"),
    ...outputCapabilities(id, kind, runnable),
  };
}

/** A setting moved into the new model's range rather than dropped. */
export interface SettingAdjustment {
  name: string;
  value: number;
}

export interface ModelAdaptation {
  config: RunConfig;
  tools: ToolsConfig;
  /** Names as the settings panel labels them, in panel order. */
  dropped: string[];
  adjusted: SettingAdjustment[];
}

const clamp = (n: number, r: NumberRange) => Math.min(r.max, Math.max(r.min, n));

/** The same modalities, in any order: [TEXT, IMAGE] is [IMAGE, TEXT]. */
const sameModalities = (a: readonly Modality[], b: readonly Modality[]) =>
  a.length === b.length && a.every((m) => b.includes(m));

/**
 * Keeps what the new model accepts, moves numbers into its ranges, and leaves out the rest (so the
 * model's default applies) — a run never fails with a 400 because the model changed: leaving a
 * speech model drops its voices, leaving Imagen its picture count, and an aspect ratio or output
 * the new model can't produce goes too.
 */
export function adaptToModel(
  config: RunConfig,
  tools: ToolsConfig,
  caps: ModelCapabilities,
): ModelAdaptation {
  const next: Record<string, unknown> = { ...config };
  const nextTools: ToolsConfig = { ...tools };
  const dropped: string[] = [];
  const adjusted: SettingAdjustment[] = [];

  const ranged = (key: keyof RunConfig, name: string, range: NumberRange | null) => {
    const value = config[key];
    if (typeof value !== "number") return;
    if (!range) {
      delete next[key];
      dropped.push(name);
    } else if (clamp(value, range) !== value) {
      next[key] = clamp(value, range);
      adjusted.push({ name, value: clamp(value, range) });
    }
  };
  const allowed = (key: keyof RunConfig, name: string, ok: boolean) => {
    if (config[key] === undefined || ok) return;
    delete next[key];
    dropped.push(name);
  };

  // The output settings sit right under the model in the panel, before Temperature.
  const modalities = config.responseModalities;
  allowed(
    "responseModalities",
    "Output",
    !modalities?.length || caps.responseModalities.some((m) => sameModalities(m, modalities)),
  );
  ranged("numberOfImages", "Number of images", caps.numberOfImages);
  const ratio = config.imageAspectRatio;
  allowed("imageAspectRatio", "Aspect ratio", !ratio || caps.aspectRatios.includes(ratio));
  const speakers = config.speech?.voices.length ?? 0;
  allowed("speech", speakers > 1 ? "Speaker voices" : "Voice", speakers <= caps.maxSpeakers);
  ranged("temperature", "Temperature", caps.temperature);
  allowed("mediaResolution", "Media resolution", caps.mediaResolution);
  adaptThinking(config.thinking, caps, next, dropped, adjusted);
  const mime = config.responseMimeType;
  if (
    (mime === "application/json" || mime === "text/x.enum" || config.responseSchema) &&
    !caps.structuredOutput
  ) {
    delete next.responseMimeType;
    delete next.responseSchema;
    dropped.push("Structured output");
  }
  const tool = (key: "googleSearch" | "codeExecution" | "urlContext", name: string) => {
    if (!tools[key] || caps[key]) return;
    delete nextTools[key];
    dropped.push(name);
  };
  tool("codeExecution", "Code execution");
  if (
    !caps.functionCalling &&
    (tools.functionDeclarations || tools.functionCallingMode || tools.allowedFunctionNames)
  ) {
    delete nextTools.functionDeclarations;
    delete nextTools.functionCallingMode;
    delete nextTools.allowedFunctionNames;
    dropped.push("Function calling");
  }
  tool("googleSearch", "Grounding with Google Search");
  tool("urlContext", "URL context");
  allowed("safetySettings", "Safety settings", caps.safetySettings);
  allowed("stopSequences", "Stop sequences", caps.stopSequences);
  ranged("maxOutputTokens", "Max output tokens", caps.maxOutputTokens);
  ranged("topP", "Top P", caps.topP);
  ranged("topK", "Top K", caps.topK);
  allowed("seed", "Seed", caps.seed);
  ranged("presencePenalty", "Presence penalty", caps.presencePenalty);
  ranged("frequencyPenalty", "Frequency penalty", caps.frequencyPenalty);
  if (next.responseMimeType !== undefined) {
    allowed(
      "responseMimeType",
      "Response MIME type",
      caps.responseMimeTypes.includes(next.responseMimeType as ResponseMimeType),
    );
  }
  return { config: next as RunConfig, tools: nextTools, dropped, adjusted };
}

function adaptThinking(
  thinking: RunConfig["thinking"],
  caps: ModelCapabilities,
  next: Record<string, unknown>,
  dropped: string[],
  adjusted: SettingAdjustment[],
): void {
  if (!thinking) return;
  const out = { ...thinking };
  const cap = caps.thinking;
  if (out.budget !== undefined) {
    if (cap.kind !== "budget" || (out.budget === 0 && !cap.canDisable)) {
      delete out.budget;
      dropped.push("Thinking budget");
    } else if (out.budget > 0) {
      const budget = Math.min(cap.max, Math.max(cap.min, out.budget));
      if (budget !== out.budget) adjusted.push({ name: "Thinking budget", value: budget });
      out.budget = budget;
    }
  }
  if (out.level !== undefined && (cap.kind !== "level" || !cap.levels.includes(out.level))) {
    delete out.level;
    dropped.push("Thinking level");
  }
  if (out.includeThoughts !== undefined && !caps.showThoughts) {
    delete out.includeThoughts;
    dropped.push("Show thoughts");
  }
  if (Object.keys(out).length === 0) delete next.thinking;
  else next.thinking = out;
}
