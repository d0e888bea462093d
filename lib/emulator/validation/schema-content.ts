/**
 * Content and its parts, from google/ai/generativelanguage/v1beta/content.proto (googleapis) and
 * the SDK's `contentToMldev` / `partToMldev` (@google/genai 3.3, the exact Gemini-API wire).
 * Free-form JSON (function args and responses, part metadata) is a Struct and is not walked.
 */
import {
  bool,
  bytes,
  double,
  duration,
  enumOf,
  int32,
  type MessageSpec,
  message,
  repeated,
  sdk,
  string,
  struct,
  value,
} from "./schema-spec";

const PROTO = "googleapis google/ai/generativelanguage/v1beta/content.proto";
const PART_TO_MLDEV = "@google/genai 3.3 partToMldev";

export const CONTENT_MESSAGES: { [name: string]: MessageSpec } = {
  Content: {
    typeName: "Content",
    fields: { parts: repeated(message("Part")), role: string() },
    source: `${PROTO}; contentToMldev`,
  },
  Part: {
    typeName: "Part",
    fields: {
      text: string(),
      inlineData: message("Blob"),
      functionCall: message("FunctionCall"),
      functionResponse: message("FunctionResponse"),
      fileData: message("FileData"),
      executableCode: message("ExecutableCode"),
      codeExecutionResult: message("CodeExecutionResult"),
      videoMetadata: message("VideoMetadata"),
      thought: bool(),
      thoughtSignature: bytes(),
      partMetadata: struct(),
      mediaResolution: sdk(message("PartMediaResolution"), PART_TO_MLDEV),
      toolCall: sdk(message("ToolCall"), PART_TO_MLDEV),
      toolResponse: sdk(message("ToolResponse"), PART_TO_MLDEV),
      // A Live API transcription; passed through as the SDK sends it, not walked.
      audioTranscription: sdk(value(), PART_TO_MLDEV),
      mediaProcessing: sdk(enumOf("MediaProcessing"), PART_TO_MLDEV),
      speechMetadata: sdk(message("SpeechMetadata"), PART_TO_MLDEV),
    },
    source: `${PROTO}; ${PART_TO_MLDEV}`,
  },
  Blob: {
    typeName: "Blob",
    fields: {
      mimeType: string(),
      data: bytes(),
      displayName: sdk(string(), "@google/genai 3.3 Blob (copied verbatim by partToMldev)"),
    },
    source: PROTO,
  },
  FileData: {
    typeName: "FileData",
    fields: {
      mimeType: string(),
      fileUri: string(),
      displayName: sdk(string(), "@google/genai 3.3 FileData (copied verbatim by partToMldev)"),
    },
    source: PROTO,
  },
  FunctionCall: {
    typeName: "FunctionCall",
    // partialArgs and willContinue are Vertex's: functionCallToMldev throws on them.
    fields: { id: string(), name: string(), args: struct() },
    source: `${PROTO}; functionCallToMldev`,
  },
  FunctionResponse: {
    typeName: "FunctionResponse",
    fields: {
      id: string(),
      name: string(),
      response: struct(),
      parts: repeated(message("FunctionResponsePart")),
      willContinue: bool(),
      scheduling: enumOf("Scheduling"),
    },
    source: PROTO,
  },
  FunctionResponsePart: {
    typeName: "FunctionResponsePart",
    fields: {
      inlineData: message("FunctionResponseBlob"),
      fileData: sdk(message("FunctionResponseFileData"), "@google/genai 3.3 FunctionResponsePart"),
      mediaProcessing: sdk(enumOf("MediaProcessing"), "@google/genai 3.3 FunctionResponsePart"),
    },
    source: PROTO,
  },
  FunctionResponseBlob: {
    typeName: "FunctionResponseBlob",
    fields: {
      mimeType: string(),
      data: bytes(),
      displayName: sdk(string(), "@google/genai 3.3 FunctionResponseBlob"),
    },
    source: PROTO,
  },
  FunctionResponseFileData: {
    typeName: "FunctionResponseFileData",
    fields: { mimeType: string(), fileUri: string(), displayName: string() },
    source: "@google/genai 3.3 FunctionResponseFileData",
  },
  ExecutableCode: {
    typeName: "ExecutableCode",
    fields: {
      language: enumOf("Language"),
      code: string(),
      // Gemini 3 answers with an id on both code parts, and the app sends them back.
      id: sdk(string(), "@google/genai 3.3 ExecutableCode; shared/gemini-wire 05c capture"),
    },
    source: PROTO,
  },
  CodeExecutionResult: {
    typeName: "CodeExecutionResult",
    fields: {
      outcome: enumOf("Outcome"),
      output: string(),
      id: sdk(string(), "@google/genai 3.3 CodeExecutionResult; shared/gemini-wire 05c capture"),
    },
    source: PROTO,
  },
  VideoMetadata: {
    typeName: "VideoMetadata",
    fields: { startOffset: duration(), endOffset: duration(), fps: double() },
    source: PROTO,
  },
  PartMediaResolution: {
    typeName: "Part.MediaResolution",
    fields: { level: enumOf("PartMediaResolutionLevel"), numTokens: int32() },
    source: "@google/genai 3.3 PartMediaResolution",
  },
  ToolCall: {
    typeName: "ToolCall",
    fields: { id: string(), toolType: enumOf("ToolType"), args: struct() },
    source: "@google/genai 3.3 ToolCall",
  },
  ToolResponse: {
    typeName: "ToolResponse",
    fields: { id: string(), toolType: enumOf("ToolType"), response: struct() },
    source: "@google/genai 3.3 ToolResponse",
  },
  SpeechMetadata: {
    typeName: "SpeechMetadata",
    fields: { speaker: string(), style: string() },
    source: "@google/genai 3.3 SpeechMetadata",
  },
};
