/**
 * The enums of the Gemini API request messages. Values are the googleapis v1beta protos
 * (google/ai/generativelanguage/v1beta/*.proto) plus what @google/genai 3.3 sends to the Gemini
 * API, except where Google is on record refusing an SDK value. `typeName` is what Google's parser
 * names in `Invalid value at '…' (type.googleapis.com/google.ai.generativelanguage.v1beta.<typeName>)`:
 * confirmed for HarmCategory (NEKOparapa/AiNiee#746); the nested names follow the proto nesting
 * and are not confirmed by a capture.
 */
import type { EnumSpec } from "./schema-spec";

const PROTO = "googleapis google/ai/generativelanguage/v1beta";

export const ENUMS: { [name: string]: EnumSpec } = {
  HarmCategory: {
    typeName: "HarmCategory",
    // The SDK also has HARM_CATEGORY_IMAGE_* and JAILBREAK (Vertex only): the Gemini API answers
    // them with "Invalid value at 'safety_settings[4].category' (…HarmCategory)" (AiNiee#746,
    // googleapis/js-genai#871, googleapis/python-genai#1561).
    values: [
      "HARM_CATEGORY_UNSPECIFIED",
      "HARM_CATEGORY_DEROGATORY",
      "HARM_CATEGORY_TOXICITY",
      "HARM_CATEGORY_VIOLENCE",
      "HARM_CATEGORY_SEXUAL",
      "HARM_CATEGORY_MEDICAL",
      "HARM_CATEGORY_DANGEROUS",
      "HARM_CATEGORY_HARASSMENT",
      "HARM_CATEGORY_HATE_SPEECH",
      "HARM_CATEGORY_SEXUALLY_EXPLICIT",
      "HARM_CATEGORY_DANGEROUS_CONTENT",
      "HARM_CATEGORY_CIVIC_INTEGRITY",
    ],
    source: `${PROTO}/safety.proto; CIVIC_INTEGRITY from generative_service.proto's comment`,
  },
  HarmBlockThreshold: {
    typeName: "SafetySetting.HarmBlockThreshold",
    values: [
      "HARM_BLOCK_THRESHOLD_UNSPECIFIED",
      "BLOCK_LOW_AND_ABOVE",
      "BLOCK_MEDIUM_AND_ABOVE",
      "BLOCK_ONLY_HIGH",
      "BLOCK_NONE",
      "OFF",
    ],
    source: `${PROTO}/safety.proto; OFF from the SDK's HarmBlockThreshold`,
  },
  Type: {
    typeName: "Type",
    values: [
      "TYPE_UNSPECIFIED",
      "STRING",
      "NUMBER",
      "INTEGER",
      "BOOLEAN",
      "ARRAY",
      "OBJECT",
      "NULL",
    ],
    source: `${PROTO}/content.proto`,
  },
  Modality: {
    typeName: "GenerationConfig.Modality",
    values: ["MODALITY_UNSPECIFIED", "TEXT", "IMAGE", "AUDIO"],
    source: `${PROTO}/generative_service.proto (the SDK's VIDEO is Vertex's)`,
  },
  MediaResolution: {
    typeName: "GenerationConfig.MediaResolution",
    values: [
      "MEDIA_RESOLUTION_UNSPECIFIED",
      "MEDIA_RESOLUTION_LOW",
      "MEDIA_RESOLUTION_MEDIUM",
      "MEDIA_RESOLUTION_HIGH",
    ],
    source: `${PROTO}/generative_service.proto`,
  },
  PartMediaResolutionLevel: {
    typeName: "Part.MediaResolution.Level",
    values: [
      "MEDIA_RESOLUTION_UNSPECIFIED",
      "MEDIA_RESOLUTION_LOW",
      "MEDIA_RESOLUTION_MEDIUM",
      "MEDIA_RESOLUTION_HIGH",
      "MEDIA_RESOLUTION_ULTRA_HIGH",
    ],
    source: "@google/genai 3.3 PartMediaResolutionLevel (partToMldev sends Part.mediaResolution)",
  },
  ThinkingLevel: {
    // Same name and values as catalogue/thinking-rules.ts, which owns what each model accepts.
    typeName: "GenerationConfig.ThinkingConfig.ThinkingLevel",
    values: ["THINKING_LEVEL_UNSPECIFIED", "MINIMAL", "LOW", "MEDIUM", "HIGH"],
    source: "@google/genai 3.3 ThinkingLevel; capture 10d-error-400-thinking-level-minimal.json",
  },
  Language: {
    typeName: "ExecutableCode.Language",
    values: ["LANGUAGE_UNSPECIFIED", "PYTHON"],
    source: `${PROTO}/content.proto`,
  },
  Outcome: {
    typeName: "CodeExecutionResult.Outcome",
    values: ["OUTCOME_UNSPECIFIED", "OUTCOME_OK", "OUTCOME_FAILED", "OUTCOME_DEADLINE_EXCEEDED"],
    source: `${PROTO}/content.proto`,
  },
  Scheduling: {
    typeName: "FunctionResponse.Scheduling",
    values: ["SCHEDULING_UNSPECIFIED", "SILENT", "WHEN_IDLE", "INTERRUPT"],
    source: `${PROTO}/content.proto`,
  },
  Behavior: {
    typeName: "FunctionDeclaration.Behavior",
    values: ["UNSPECIFIED", "BLOCKING", "NON_BLOCKING"],
    source: `${PROTO}/content.proto`,
  },
  FunctionCallingMode: {
    typeName: "FunctionCallingConfig.Mode",
    values: ["MODE_UNSPECIFIED", "AUTO", "ANY", "NONE", "VALIDATED"],
    source: `${PROTO}/content.proto`,
  },
  DynamicRetrievalMode: {
    typeName: "DynamicRetrievalConfig.Mode",
    values: ["MODE_UNSPECIFIED", "MODE_DYNAMIC"],
    source: `${PROTO}/content.proto`,
  },
  Environment: {
    typeName: "Tool.ComputerUse.Environment",
    values: [
      "ENVIRONMENT_UNSPECIFIED",
      "ENVIRONMENT_BROWSER",
      "ENVIRONMENT_MOBILE",
      "ENVIRONMENT_DESKTOP",
    ],
    source: `${PROTO}/content.proto; MOBILE and DESKTOP from the SDK's Environment`,
  },
  TaskType: {
    typeName: "TaskType",
    values: [
      "TASK_TYPE_UNSPECIFIED",
      "RETRIEVAL_QUERY",
      "RETRIEVAL_DOCUMENT",
      "SEMANTIC_SIMILARITY",
      "CLASSIFICATION",
      "CLUSTERING",
      "QUESTION_ANSWERING",
      "FACT_VERIFICATION",
      "CODE_RETRIEVAL_QUERY",
    ],
    source: `${PROTO}/generative_service.proto`,
  },
  MediaProcessing: {
    typeName: "MediaProcessing",
    values: ["MEDIA_PROCESSING_UNSPECIFIED", "STATIC", "AGENTIC"],
    source: "@google/genai 3.3 MediaProcessing (partToMldev sends Part.mediaProcessing)",
  },
  ToolType: {
    typeName: "ToolType",
    values: [
      "TOOL_TYPE_UNSPECIFIED",
      "GOOGLE_SEARCH_WEB",
      "GOOGLE_SEARCH_IMAGE",
      "URL_CONTEXT",
      "GOOGLE_MAPS",
      "FILE_SEARCH",
      "MEDIA_PROCESSING",
    ],
    source: "@google/genai 3.3 ToolType (partToMldev sends Part.toolCall / toolResponse)",
  },
};
