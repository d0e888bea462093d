/**
 * Generation settings and safety settings, from google/ai/generativelanguage/v1beta/
 * generative_service.proto and safety.proto (googleapis) and the SDK's
 * `generateContentConfigToMldev` (@google/genai 3.3). Ranges and allowed values are semantic
 * checks Google makes after the body parsed, answered as `* GenerateContentRequest.<path>: <text>`
 * bullets without details. Where a sentence is marked "unconfirmed" no capture or public report
 * shows Google's wording and it is written in the voice of the confirmed temperature one.
 */
import { ENUMS } from "./schema-enums";
import {
  type AllowedRule,
  bool,
  enumOf,
  float,
  int32,
  type MessageSpec,
  message,
  type RangeRule,
  repeated,
  sdk,
  string,
  value,
} from "./schema-spec";

const PROTO = "googleapis google/ai/generativelanguage/v1beta/generative_service.proto";
const CONFIG_TO_MLDEV = "@google/genai 3.3 generateContentConfigToMldev";
/** Notes of a live probe of generativelanguage v1beta, 2026-08, found by public code search. */
const LIVE_PROBE = "public live-probe notes (code search, 2026-08)";
const UNCONFIRMED = "wording unconfirmed";

const penalty = (field: string): RangeRule => ({
  min: -2,
  max: 2,
  maxExclusive: true,
  text: `${field} must be in the range [-2.0, 2.0).`,
  source: `Vertex AI GenerationConfig reference ("up to, but not including, 2.0"); ${UNCONFIRMED}`,
});

const RESPONSE_MIME_TYPES: AllowedRule = {
  values: ["text/plain", "application/json", "application/xml", "application/yaml", "text/x.enum"],
  text: "allowed mimetypes are `text/plain`, `application/json`, `application/xml`, `application/yaml` and `text/x.enum`.",
  source: `verbatim in SDK logs of live 400s (code search: "response_mime_type: allowed mimetypes")`,
};

/** The categories the Gemini API takes, in the order Google lists them. */
export const SUPPORTED_HARM_CATEGORIES = [
  "HARM_CATEGORY_HATE_SPEECH",
  "HARM_CATEGORY_SEXUALLY_EXPLICIT",
  "HARM_CATEGORY_DANGEROUS_CONTENT",
  "HARM_CATEGORY_HARASSMENT",
  "HARM_CATEGORY_CIVIC_INTEGRITY",
];

function categoryName(category: unknown): unknown {
  return typeof category === "number" ? ENUMS.HarmCategory?.values[category] : category;
}

export const GENERATION_MESSAGES: { [name: string]: MessageSpec } = {
  GenerationConfig: {
    typeName: "GenerationConfig",
    fields: {
      candidateCount: int32({
        min: 1,
        max: 8,
        unset: 0,
        text: "candidate_count must be in the range [1, 8].",
        source: `range in v1 generative_service.proto; ${UNCONFIRMED}`,
      }),
      stopSequences: repeated(string()),
      // Its range depends on the model: native/generate.ts checks it against the catalogue.
      maxOutputTokens: int32(),
      temperature: float({
        min: 0,
        max: 2,
        text: "temperature must be in the range [0.0, 2.0].",
        source: `${LIVE_PROBE}: temperature 5 → this bullet; range in the .proto`,
      }),
      topP: float({
        min: 0,
        max: 1,
        text: "top_p must be in the range [0.0, 1.0].",
        source: `probability by definition; ${UNCONFIRMED}`,
      }),
      topK: int32({
        min: 0,
        max: 2 ** 31 - 1,
        text: "top_k must be non-negative.",
        source: `${LIVE_PROBE}: topK 0 is accepted; ${UNCONFIRMED}`,
      }),
      seed: int32(),
      responseMimeType: { scalar: "string", allowed: RESPONSE_MIME_TYPES },
      responseSchema: message("Schema"),
      // The proto gives the JSON name to an "ordered" twin; both spellings reach the same Value.
      responseJsonSchema: value({
        aliases: ["_responseJsonSchema", "response_json_schema_ordered"],
      }),
      presencePenalty: float(penalty("presence_penalty")),
      frequencyPenalty: float(penalty("frequency_penalty")),
      responseLogprobs: bool(),
      logprobs: int32({
        min: 0,
        max: 20,
        text: "logprobs must be in the range [0, 20].",
        source: `range in generative_service.proto; ${UNCONFIRMED}`,
      }),
      enableEnhancedCivicAnswers: bool(),
      responseModalities: repeated(enumOf("Modality")),
      speechConfig: message("SpeechConfig"),
      thinkingConfig: message("ThinkingConfig"),
      imageConfig: message("ImageConfig"),
      mediaResolution: enumOf("MediaResolution"),
      // A Live API setting the SDK forwards; passed through unwalked.
      audioTranscriptionConfig: sdk(value(), CONFIG_TO_MLDEV),
    },
    source: `${PROTO}; ${CONFIG_TO_MLDEV}`,
  },
  ThinkingConfig: {
    typeName: "ThinkingConfig",
    fields: {
      includeThoughts: bool(),
      thinkingBudget: int32({
        min: -1,
        max: 65535,
        text: "thinking_budget must be in the range [-1, 65535]",
        source: `live 400 quoted in public code (code search: "thinking_budget must be in the range")`,
      }),
      thinkingLevel: sdk(enumOf("ThinkingLevel"), "@google/genai 3.3 ThinkingConfig"),
    },
    source: PROTO,
  },
  ImageConfig: {
    typeName: "ImageConfig",
    // personGeneration, outputMimeType, … are Vertex's: imageConfigToMldev throws on them.
    fields: {
      // Google's own refusal is "* …image_config.aspect_ratio: aspect_ratio must be one of '1:1',
      // '1:4', …, or '21:9'." (public logs); media/image-sizes.ts keeps the emulator's wording.
      aspectRatio: string(),
      imageSize: sdk(string(), "@google/genai 3.3 imageConfigToMldev"),
    },
    source: `${PROTO}; imageConfigToMldev`,
  },
  SpeechConfig: {
    typeName: "SpeechConfig",
    fields: {
      voiceConfig: message("VoiceConfig"),
      multiSpeakerVoiceConfig: message("MultiSpeakerVoiceConfig"),
      languageCode: string(),
    },
    source: PROTO,
  },
  VoiceConfig: {
    typeName: "VoiceConfig",
    fields: {
      prebuiltVoiceConfig: message("PrebuiltVoiceConfig"),
      // The SDK forwards speechConfig verbatim; these come from its VoiceConfig type.
      replicatedVoiceConfig: sdk(value(), "@google/genai 3.3 VoiceConfig"),
      voice: sdk(string(), "@google/genai 3.3 VoiceConfig"),
    },
    source: PROTO,
  },
  PrebuiltVoiceConfig: {
    typeName: "PrebuiltVoiceConfig",
    fields: { voiceName: string() },
    source: PROTO,
  },
  MultiSpeakerVoiceConfig: {
    typeName: "MultiSpeakerVoiceConfig",
    fields: { speakerVoiceConfigs: repeated(message("SpeakerVoiceConfig")) },
    source: PROTO,
  },
  SpeakerVoiceConfig: {
    typeName: "SpeakerVoiceConfig",
    fields: { speaker: string(), voiceConfig: message("VoiceConfig") },
    source: PROTO,
  },
  SafetySetting: {
    typeName: "SafetySetting",
    // method is Vertex's: safetySettingToMldev throws on it.
    fields: { category: enumOf("HarmCategory"), threshold: enumOf("HarmBlockThreshold") },
    rules: [
      {
        check: ({ category }) =>
          SUPPORTED_HARM_CATEGORIES.includes(String(categoryName(category)))
            ? undefined
            : `element predicate failed: $.category in (${SUPPORTED_HARM_CATEGORIES.map((name) => `HarmCategory.${name}`).join(", ")})`,
        source: "SillyTavern/SillyTavern#2728, googleapis/js-genai#810 (live 400s)",
      },
    ],
    source: "googleapis google/ai/generativelanguage/v1beta/safety.proto",
  },
};

/** Google refuses two settings for one category outright, without a path. */
export function duplicateCategories(settings: unknown): string | undefined {
  if (!Array.isArray(settings)) return undefined;
  const seen = new Set<unknown>();
  for (const setting of settings) {
    if (typeof setting !== "object" || setting === null) continue;
    const category = categoryName((setting as { category?: unknown }).category);
    if (seen.has(category)) return "Multiple safety settings with the same category.";
    seen.add(category);
  }
  return undefined;
}
