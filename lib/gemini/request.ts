import type {
  Content,
  GenerateContentConfig,
  GenerateContentParameters,
  GenerateImagesConfig,
  GenerateImagesParameters,
  Part as SdkPart,
  Tool,
} from "@google/genai";
import { runModalities } from "@/lib/models/capabilities";
import { modelKind } from "@/lib/models/kind";
import type { ModelKind } from "@/lib/models/types";
import type { MediaPart, Part, PromptDoc, RunConfig, ToolsConfig } from "@/lib/prompt";

/**
 * THE mapping from a prompt document to the SDK's request. Run, compare, count-tokens and code
 * export all go through here, so what "Get code" shows is what Run sent.
 *
 * Pure and isomorphic: media references are resolved by the caller (inline bytes or a Files API
 * URI) and passed in, which keeps this function synchronous and testable.
 */
export type ResolvedMedia = Pick<SdkPart, "inlineData" | "fileData">;
export type MediaLookup = (part: MediaPart) => ResolvedMedia;

export function toGenerateContentParameters(
  doc: PromptDoc,
  media: MediaLookup = unresolvedMedia,
): GenerateContentParameters {
  return {
    model: doc.model,
    contents: toContents(doc, media),
    config: toConfig(doc),
  };
}

export function toContents(doc: PromptDoc, media: MediaLookup = unresolvedMedia): Content[] {
  return doc.contents
    .map((turn) => ({ role: turn.role, parts: turn.parts.flatMap((p) => toSdkPart(p, media)) }))
    .filter((content) => content.parts.length > 0);
}

export function toConfig(doc: PromptDoc): GenerateContentConfig {
  const config: GenerateContentConfig = {
    ...(doc.systemInstruction.trim() && {
      systemInstruction: { parts: [{ text: doc.systemInstruction }] },
    }),
    ...generationConfig(doc.config, modelKind(doc.model)),
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

function toSdkPart(part: Part, media: MediaLookup): SdkPart[] {
  const signature = "thoughtSignature" in part && part.thoughtSignature;
  const withSignature = (p: SdkPart): SdkPart[] => [
    signature ? { ...p, thoughtSignature: signature } : p,
  ];
  switch (part.kind) {
    case "text":
      // Gemini rejects empty text; an empty part that carries a signature must still go back.
      return part.text || signature ? withSignature({ text: part.text }) : [];
    case "thought":
      return withSignature({ text: part.text, thought: true });
    case "media":
      return withSignature(media(part));
    case "functionCall":
      return withSignature({
        functionCall: { ...(part.id && { id: part.id }), name: part.name, args: part.args },
      });
    case "functionResponse":
      return [
        {
          functionResponse: {
            ...(part.id && { id: part.id }),
            name: part.name,
            response: part.response,
          },
        },
      ];
    case "executableCode":
      return withSignature({
        executableCode: {
          ...(part.id && { id: part.id }),
          language: part.language as never,
          code: part.code,
        },
      });
    case "codeExecutionResult":
      return withSignature({
        codeExecutionResult: {
          ...(part.id && { id: part.id }),
          outcome: part.outcome as never,
          ...(part.output !== undefined && { output: part.output }),
        },
      });
  }
}

/**
 * Run settings as the SDK names them. The model's kind decides one thing the document can't:
 * speech models are always asked for AUDIO, and image models for what they do by default when
 * the document leaves the output open (see `runModalities`).
 */
function generationConfig(c: RunConfig, kind: ModelKind): GenerateContentConfig {
  const out: GenerateContentConfig = {};
  const copy = [
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
  for (const key of copy) {
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

function unresolvedMedia(part: MediaPart): ResolvedMedia {
  throw new Error(`media ${part.sha256.slice(0, 12)} was not resolved before mapping`);
}
