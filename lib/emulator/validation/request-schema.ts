/**
 * One declarative description of the REST request bodies the emulator serves, for the walker in
 * schema-walk.ts to check every POST against before a method runs, as Google's JSON front end
 * does. A field is listed when the googleapis v1beta protos (google/ai/generativelanguage/v1beta,
 * 2025) declare it or when @google/genai 3.3's Gemini-API converters (`…ToMldev`) put it on the
 * wire; fields those converters refuse ("only supported in … Agent Platform mode") are left out,
 * so they are unknown names here as they are for Google. The same table serves `/v1/`: the stored
 * v1 protos are older than the live v1 surface, so the emulator does not model which v1beta
 * fields v1 still lacks.
 *
 * Messages live by topic in schema-content.ts, schema-generation.ts and schema-tools.ts; enums in
 * schema-enums.ts; the vocabulary in schema-spec.ts. Each message and each field outside the
 * .proto names its source.
 */
import { CONTENT_MESSAGES } from "./schema-content";
import { duplicateCategories, GENERATION_MESSAGES } from "./schema-generation";
import {
  bool,
  enumOf,
  int32,
  type MessageSpec,
  message,
  repeated,
  sdk,
  string,
  stringMap,
  value,
} from "./schema-spec";
import { TOOL_MESSAGES } from "./schema-tools";

const PROTO = "googleapis google/ai/generativelanguage/v1beta";
const CONFIG_TO_MLDEV = "@google/genai 3.3 generateContentConfigToMldev";

const REQUEST_MESSAGES: { [name: string]: MessageSpec } = {
  GenerateContentRequest: {
    typeName: "GenerateContentRequest",
    fields: {
      model: string(),
      contents: repeated(message("Content")),
      systemInstruction: message("Content"),
      tools: repeated(message("Tool")),
      toolConfig: message("ToolConfig"),
      safetySettings: repeated(message("SafetySetting")),
      generationConfig: message("GenerationConfig"),
      cachedContent: string(),
      labels: sdk(stringMap(), CONFIG_TO_MLDEV),
      // The SDK's ServiceTier values are lower-case words; read as a plain string.
      serviceTier: sdk(string(), CONFIG_TO_MLDEV),
      store: sdk(bool(), CONFIG_TO_MLDEV),
      continuationToken: sdk(string(), CONFIG_TO_MLDEV),
    },
    rules: [
      {
        check: ({ safetySettings }) => duplicateCategories(safetySettings),
        bare: true,
        source:
          "google-gemini/deprecated-generative-ai-android#224, google-gemini/deprecated-generative-ai-python#654",
      },
    ],
    source: `${PROTO}/generative_service.proto; ${CONFIG_TO_MLDEV}`,
  },
  CountTokensRequest: {
    typeName: "CountTokensRequest",
    fields: {
      model: string(),
      contents: repeated(message("Content")),
      generateContentRequest: message("GenerateContentRequest"),
    },
    source: `${PROTO}/generative_service.proto`,
  },
  EmbedContentRequest: {
    typeName: "EmbedContentRequest",
    fields: {
      model: string(),
      content: message("Content"),
      taskType: enumOf("TaskType"),
      title: string(),
      outputDimensionality: int32(),
    },
    source: `${PROTO}/generative_service.proto; @google/genai 3.3 embedContentConfigToMldev`,
  },
  BatchEmbedContentsRequest: {
    typeName: "BatchEmbedContentsRequest",
    fields: { model: string(), requests: repeated(message("EmbedContentRequest")) },
    source: `${PROTO}/generative_service.proto`,
  },
  PredictRequest: {
    // Imagen's instances and parameters are google.protobuf.Value: Google's parser does not look
    // inside them, media/predict.ts does.
    typeName: "PredictRequest",
    fields: { model: string(), instances: repeated(value()), parameters: value() },
    source: `${PROTO}/prediction_service.proto`,
  },
};

export const MESSAGES: { [name: string]: MessageSpec } = {
  ...REQUEST_MESSAGES,
  ...CONTENT_MESSAGES,
  ...GENERATION_MESSAGES,
  ...TOOL_MESSAGES,
};

/** The request message each POST method's body is parsed into. */
export const REQUEST_MESSAGE_BY_METHOD: { [method: string]: string } = {
  generateContent: "GenerateContentRequest",
  streamGenerateContent: "GenerateContentRequest",
  countTokens: "CountTokensRequest",
  embedContent: "EmbedContentRequest",
  batchEmbedContents: "BatchEmbedContentsRequest",
  predict: "PredictRequest",
};
