import type {
  Content,
  GenerateContentConfig,
  GenerateContentParameters,
  GenerateImagesParameters,
} from "@google/genai";
import type { UpstreamRequest } from "@/lib/wire/request";
import { COPIED_SETTINGS } from "@/lib/wire/request";

/**
 * The JSON the Gemini API reads, for code that sends it without an SDK (curl, Apps Script). The
 * SDK's parameters keep every setting in `config`; on the wire a few of them sit beside
 * `contents` and the rest in `generationConfig`. The SDK makes the same move inside
 * `generateContent`, and tests/contract/codegen-rest.test.ts holds this mapping to what it sends.
 */
export const GEMINI_BASE_URL = "https://generativelanguage.googleapis.com";
export const GEMINI_API_VERSION = "v1beta";

export interface RestGenerateContentBody {
  systemInstruction?: Content;
  contents: Content[];
  tools?: GenerateContentConfig["tools"];
  toolConfig?: GenerateContentConfig["toolConfig"];
  safetySettings?: GenerateContentConfig["safetySettings"];
  /** Always present, empty or not: the SDK sends it whenever `config` is given, and Run gives it. */
  generationConfig: Record<string, unknown>;
}

/** Settings that leave `config` for the top level of the body. */
const TOP_LEVEL = ["systemInstruction", "tools", "toolConfig", "safetySettings"] as const;

/** Settings that go in `generationConfig` under the same name. */
const GENERATION = new Set<string>([
  ...COPIED_SETTINGS,
  "responseJsonSchema",
  "mediaResolution",
  "responseModalities",
  "imageConfig",
  "thinkingConfig",
  "speechConfig",
]);

export function toRestBody(params: GenerateContentParameters): RestGenerateContentBody {
  const config: Record<string, unknown> = { ...params.config };
  const top: Partial<RestGenerateContentBody> = {};
  for (const key of TOP_LEVEL) {
    if (config[key] !== undefined) Object.assign(top, { [key]: config[key] });
    delete config[key];
  }
  const generationConfig: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined) continue;
    // A setting the mapping learns later must be placed here too, not dropped from the code.
    if (!GENERATION.has(key)) throw new Error(`config.${key} has no place in the REST body`);
    generationConfig[key] = value;
  }
  const { systemInstruction, ...rest } = top;
  return {
    ...(systemInstruction && { systemInstruction }),
    contents: params.contents as Content[],
    ...rest,
    generationConfig,
  };
}

/** `…:generateContent`, or the streaming method as Server-Sent Events. */
export function generateContentUrl(model: string, stream: boolean): string {
  const method = stream ? "streamGenerateContent?alt=sse" : "generateContent";
  return `${GEMINI_BASE_URL}/${GEMINI_API_VERSION}/models/${model}:${method}`;
}

/**
 * Imagen on the Gemini API is `models/{id}:predict` (the SDK's generateImages reaches it only on
 * Vertex AI, so Run calls it over REST too: lib/gemini/predict-images.ts).
 */
export interface RestPredictBody {
  instances: { prompt: string }[];
  parameters: { sampleCount?: number; aspectRatio?: string };
}

export function toPredictBody({ prompt, config = {} }: GenerateImagesParameters): RestPredictBody {
  return {
    instances: [{ prompt }],
    parameters: {
      ...(config.numberOfImages !== undefined && { sampleCount: config.numberOfImages }),
      ...(config.aspectRatio && { aspectRatio: config.aspectRatio }),
    },
  };
}

export function predictUrl(model: string): string {
  return `${GEMINI_BASE_URL}/${GEMINI_API_VERSION}/models/${model}:predict`;
}

export function filesUploadUrl(): string {
  return `${GEMINI_BASE_URL}/upload/${GEMINI_API_VERSION}/files`;
}

/** Where a REST call goes and what it sends: Imagen's `predict`, or (streamed or not) generateContent. */
export function restCall(upstream: UpstreamRequest, stream: boolean): [string, unknown] {
  return upstream.method === "generateImages"
    ? [predictUrl(upstream.params.model), toPredictBody(upstream.params)]
    : [generateContentUrl(upstream.params.model, stream), toRestBody(upstream.params)];
}
