/**
 * The slice of the Gemini REST wire format the emulator reads and writes. Hand-written instead of
 * imported from `@google/genai` so the emulator checks the wire itself, not the SDK's idea of it.
 */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface WirePart {
  text?: string;
  thought?: boolean;
  thoughtSignature?: string;
  inlineData?: { mimeType?: string; data?: string };
  fileData?: { mimeType?: string; fileUri?: string };
  functionCall?: { id?: string; name?: string; args?: JsonObject };
  functionResponse?: { id?: string; name?: string; response?: JsonObject };
  executableCode?: { language?: string; code?: string; id?: string };
  codeExecutionResult?: { outcome?: string; output?: string; id?: string };
}

export interface WireContent {
  role?: string;
  parts: WirePart[];
}

export interface WireGenerationConfig {
  temperature?: number;
  topP?: number;
  topK?: number;
  maxOutputTokens?: number;
  stopSequences?: string[];
  candidateCount?: number;
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  responseMimeType?: string;
  /** JSON Schema (what the app sends); `responseSchema` is the older OpenAPI-style subset. */
  responseJsonSchema?: JsonValue;
  responseSchema?: JsonValue;
  responseModalities?: string[];
  mediaResolution?: string;
  thinkingConfig?: { includeThoughts?: boolean; thinkingBudget?: number; thinkingLevel?: string };
  imageConfig?: { aspectRatio?: string; imageSize?: string };
  speechConfig?: WireSpeechConfig;
}

export interface WireVoiceConfig {
  prebuiltVoiceConfig?: { voiceName?: string };
}

export interface WireSpeechConfig {
  voiceConfig?: WireVoiceConfig;
  multiSpeakerVoiceConfig?: {
    speakerVoiceConfigs?: { speaker?: string; voiceConfig?: WireVoiceConfig }[];
  };
  languageCode?: string;
}

export interface WireSafetySetting {
  category?: string;
  threshold?: string;
}

export interface WireToolConfig {
  functionCallingConfig?: { mode?: string; allowedFunctionNames?: string[] };
  /** Where the person is, for Grounding with Google Maps. */
  retrievalConfig?: { latLng?: { latitude?: number; longitude?: number }; languageCode?: string };
}

/** A generateContent body after validation: `contents` is known to be well formed. */
export interface GenerateRequest {
  model: string;
  contents: WireContent[];
  systemInstruction?: WireContent;
  generationConfig: WireGenerationConfig;
  tools?: JsonValue[];
  toolConfig?: WireToolConfig;
  safetySettings?: WireSafetySetting[];
}

export interface ModalityTokenCount {
  modality: "TEXT" | "IMAGE" | "AUDIO" | "VIDEO" | "DOCUMENT";
  tokenCount: number;
}

export interface TokenCount {
  total: number;
  details: ModalityTokenCount[];
}

/** Which REST version prefix a request came in on; Google's messages name it. */
export type ApiVersion = "v1beta" | "v1";
