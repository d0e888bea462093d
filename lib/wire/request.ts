import type {
  Content,
  GenerateContentConfig,
  GenerateContentParameters,
  GenerateImagesConfig,
  GenerateImagesParameters,
  Tool,
} from "@google/genai";
import type { PromptDoc, RunConfig, ToolsConfig } from "@/lib/prompt";
import { type ModelKind, modelKind } from "./model-kind";
import { type MediaLookup, type ResolvedMedia, toWirePart } from "./parts";
import { signCurrentTurn } from "./signatures";

/**
 * THE mapping from a prompt document to an upstream request. Run and count-tokens go through
 * here, and so must code export, so that generated code is exactly what Run sent.
 *
 * Pure and isomorphic: media references are resolved by the caller (inline bytes or a Files API
 * URI) and passed in, which keeps it synchronous and usable in the browser.
 */

/**
 * What a run asks of Gemini, tagged by the method that answers it. The model's kind is looked at
 * here and nowhere else; a transport maps one of these to its own body.
 */
export type UpstreamRequest =
  | { method: "generateContent"; params: GenerateContentParameters }
  | { method: "generateImages"; params: GenerateImagesParameters };

export type UpstreamMethod = UpstreamRequest["method"];

export interface UpstreamOptions {
  media: MediaLookup;
  /** From the catalogue entry when there is one; otherwise the id decides. */
  kind?: ModelKind;
}

/** Imagen answers `generateImages` (REST `predict`); every other runnable model generateContent. */
export function upstreamMethod(kind: ModelKind): UpstreamMethod {
  return kind === "imagen" ? "generateImages" : "generateContent";
}

export function toUpstreamRequest(doc: PromptDoc, options: UpstreamOptions): UpstreamRequest {
  const kind = options.kind ?? modelKind(doc.model);
  return upstreamMethod(kind) === "generateImages"
    ? { method: "generateImages", params: toGenerateImagesParameters(doc) }
    : { method: "generateContent", params: toGenerateContentParameters(doc, options.media, kind) };
}

export function toGenerateContentParameters(
  doc: PromptDoc,
  media: MediaLookup = unresolvedMedia,
  kind: ModelKind = modelKind(doc.model),
): GenerateContentParameters {
  return {
    model: doc.model,
    contents: toContents(doc, media),
    config: toConfig(doc, kind),
  };
}

export function toContents(doc: PromptDoc, media: MediaLookup = unresolvedMedia): Content[] {
  const contents = doc.contents
    .map((turn) => ({ role: turn.role, parts: turn.parts.flatMap((p) => toWirePart(p, media)) }))
    .filter((content) => content.parts.length > 0);
  return signCurrentTurn(contents, doc.model);
}

export function toConfig(
  doc: PromptDoc,
  kind: ModelKind = modelKind(doc.model),
): GenerateContentConfig {
  const config: GenerateContentConfig = {
    ...(doc.systemInstruction.trim() && {
      systemInstruction: { parts: [{ text: doc.systemInstruction }] },
    }),
    ...generationConfig(doc.config, kind),
  };
  const tools = toTools(doc.tools);
  if (tools.length) config.tools = tools;
  const mode = doc.tools.functionCallingMode;
  if (mode && doc.tools.functionDeclarations?.length) {
    config.toolConfig = {
      functionCallingConfig: {
        mode: mode as NonNullable<
          NonNullable<GenerateContentConfig["toolConfig"]>["functionCallingConfig"]
        >["mode"],
        ...(mode === "ANY" &&
          doc.tools.allowedFunctionNames?.length && {
            allowedFunctionNames: doc.tools.allowedFunctionNames,
          }),
      },
    };
  }
  return config;
}

/** Run settings that go to Gemini as they are, under the same name. */
export const COPIED_SETTINGS = [
  "temperature",
  "topP",
  "topK",
  "maxOutputTokens",
  "stopSequences",
  "seed",
  "presencePenalty",
  "frequencyPenalty",
  "responseMimeType",
] as const;

/**
 * Run settings as the SDK names them. The model's kind decides one thing the document can't:
 * speech models are always asked for AUDIO, and image models for what they do by default when
 * the document leaves the output open (see `runModalities`).
 */
function generationConfig(c: RunConfig, kind: ModelKind): GenerateContentConfig {
  const out: GenerateContentConfig = {};
  for (const key of COPIED_SETTINGS) {
    if (c[key] !== undefined) (out as Record<string, unknown>)[key] = c[key];
  }
  if (c.responseSchema) out.responseJsonSchema = c.responseSchema;
  if (c.mediaResolution) out.mediaResolution = c.mediaResolution as never;
  if (c.safetySettings?.length) out.safetySettings = c.safetySettings as never;
  const modalities = runModalities(kind, c.responseModalities);
  if (modalities) out.responseModalities = modalities;
  if (c.imageAspectRatio) out.imageConfig = { aspectRatio: c.imageAspectRatio };
  if (c.thinking) {
    const { includeThoughts, budget, level } = c.thinking;
    out.thinkingConfig = {
      ...(includeThoughts !== undefined && { includeThoughts }),
      ...(budget !== undefined && { thinkingBudget: budget }),
      ...(level !== undefined && { thinkingLevel: level.toUpperCase() as never }),
    };
  }
  if (c.speech) out.speechConfig = speechConfig(c.speech.voices);
  return out;
}

/**
 * Imagen answers `generateImages`: the prompt is the text of the last user turn (Imagen keeps no
 * conversation), and of all the run settings only the picture count and aspect ratio apply.
 */
export function toGenerateImagesParameters(doc: PromptDoc): GenerateImagesParameters {
  const turn = doc.contents.findLast((t) => t.role === "user");
  const prompt = (turn?.parts ?? [])
    .map((p) => (p.kind === "text" ? p.text : ""))
    .join("\n")
    .trim();
  return { model: doc.model, prompt, config: toGenerateImagesConfig(doc.config) };
}

/** Unset, Imagen makes four 1:1 pictures (Ultra one). */
export function toGenerateImagesConfig(c: RunConfig): GenerateImagesConfig {
  return {
    ...(c.numberOfImages !== undefined && { numberOfImages: c.numberOfImages }),
    ...(c.imageAspectRatio && { aspectRatio: c.imageAspectRatio }),
  };
}

function speechConfig(
  voices: NonNullable<RunConfig["speech"]>["voices"],
): GenerateContentConfig["speechConfig"] {
  const voiceConfig = (voice: string) => ({ prebuiltVoiceConfig: { voiceName: voice } });
  const [only] = voices;
  if (voices.length === 1 && only) return { voiceConfig: voiceConfig(only.voice) };
  return {
    multiSpeakerVoiceConfig: {
      speakerVoiceConfigs: voices.map((v, i) => ({
        // The names the script's lines start with ("Joe: …"); unnamed speakers as the panel shows them.
        speaker: v.speaker?.trim() || `Speaker ${i + 1}`,
        voiceConfig: voiceConfig(v.voice),
      })),
    },
  };
}

export function toTools(t: ToolsConfig): Tool[] {
  const tools: Tool[] = [];
  if (t.functionDeclarations?.length) {
    tools.push({
      functionDeclarations: t.functionDeclarations.map((f) => ({
        name: f.name,
        ...(f.description && { description: f.description }),
        ...(f.parameters && { parametersJsonSchema: f.parameters }),
      })),
    });
  }
  if (t.googleSearch) tools.push({ googleSearch: {} });
  if (t.codeExecution) tools.push({ codeExecution: {} });
  if (t.urlContext) tools.push({ urlContext: {} });
  return tools;
}

function unresolvedMedia(part: Parameters<MediaLookup>[0]): ResolvedMedia {
  throw new Error(`media ${part.sha256.slice(0, 12)} was not resolved before mapping`);
}

type Modality = NonNullable<RunConfig["responseModalities"]>[number];

/**
 * The modalities a run asks for: speech models answer only with audio whatever the document says
 * (Gemini rejects anything else); image models are sent what they do by default, text and images,
 * when the document leaves the choice out, so the request says what it gets.
 */
export function runModalities(
  kind: ModelKind,
  chosen: RunConfig["responseModalities"],
): Modality[] | undefined {
  if (kind === "tts") return ["AUDIO"];
  if (chosen?.length) return chosen;
  return kind === "image" ? ["TEXT", "IMAGE"] : undefined;
}
