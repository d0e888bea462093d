import { type CsNode, csScalar, source } from "./csharp-source";
import type { MediaPlan } from "./media-files";

/**
 * The Gemini request as Google.GenAI's records (namespace `Google.GenAI.Types`): each field of
 * the JavaScript SDK's JSON by the C# property of the same name in PascalCase, objects as the
 * record that property holds. Checked against the SDK's sources (googleapis/dotnet-genai,
 * `Google.GenAI/types/*.cs`).
 */
type Field =
  | { kind: "record"; type: string }
  | { kind: "records"; type: string }
  | { kind: "strings" }
  /** The SDK's string enums (a `readonly record struct` per enum since 1.0), PascalCase members. */
  | { kind: "enum"; type: string; values: readonly string[] }
  /** `byte[]` in C#, base64 text on the wire. */
  | { kind: "bytes" }
  /** `object`: the person's JSON schema, as the SDK's own tests give it. */
  | { kind: "jsonNode" }
  /** `Dictionary<string, object>`: the person's JSON object. */
  | { kind: "jsonObject" }
  | { kind: "scalar" };

const record = (type: string): Field => ({ kind: "record", type });
const records = (type: string): Field => ({ kind: "records", type });
const enumOf = (type: string, values: readonly string[]): Field => ({ kind: "enum", type, values });
const STRINGS: Field = { kind: "strings" };
const SCALAR: Field = { kind: "scalar" };

export const CSHARP_FIELDS: Readonly<Record<string, Field>> = {
  // GenerateContentConfig
  systemInstruction: record("Content"),
  temperature: SCALAR,
  topP: SCALAR,
  topK: SCALAR,
  maxOutputTokens: SCALAR,
  stopSequences: STRINGS,
  seed: SCALAR,
  presencePenalty: SCALAR,
  frequencyPenalty: SCALAR,
  responseMimeType: SCALAR,
  responseJsonSchema: { kind: "jsonNode" },
  responseModalities: STRINGS,
  mediaResolution: enumOf("MediaResolution", [
    "MEDIA_RESOLUTION_UNSPECIFIED",
    "MEDIA_RESOLUTION_LOW",
    "MEDIA_RESOLUTION_MEDIUM",
    "MEDIA_RESOLUTION_HIGH",
  ]),
  safetySettings: records("SafetySetting"),
  category: enumOf("HarmCategory", [
    "HARM_CATEGORY_UNSPECIFIED",
    "HARM_CATEGORY_HARASSMENT",
    "HARM_CATEGORY_HATE_SPEECH",
    "HARM_CATEGORY_SEXUALLY_EXPLICIT",
    "HARM_CATEGORY_DANGEROUS_CONTENT",
    "HARM_CATEGORY_CIVIC_INTEGRITY",
  ]),
  threshold: enumOf("HarmBlockThreshold", [
    "HARM_BLOCK_THRESHOLD_UNSPECIFIED",
    "BLOCK_LOW_AND_ABOVE",
    "BLOCK_MEDIUM_AND_ABOVE",
    "BLOCK_ONLY_HIGH",
    "BLOCK_NONE",
    "OFF",
  ]),
  thinkingConfig: record("ThinkingConfig"),
  includeThoughts: SCALAR,
  thinkingBudget: SCALAR,
  thinkingLevel: enumOf("ThinkingLevel", ["MINIMAL", "LOW", "MEDIUM", "HIGH"]),
  speechConfig: record("SpeechConfig"),
  voiceConfig: record("VoiceConfig"),
  prebuiltVoiceConfig: record("PrebuiltVoiceConfig"),
  voiceName: SCALAR,
  multiSpeakerVoiceConfig: record("MultiSpeakerVoiceConfig"),
  speakerVoiceConfigs: records("SpeakerVoiceConfig"),
  speaker: SCALAR,
  imageConfig: record("ImageConfig"),
  aspectRatio: SCALAR,
  tools: records("Tool"),
  functionDeclarations: records("FunctionDeclaration"),
  description: SCALAR,
  parametersJsonSchema: { kind: "jsonNode" },
  googleSearch: record("GoogleSearch"),
  codeExecution: record("ToolCodeExecution"),
  urlContext: record("UrlContext"),
  toolConfig: record("ToolConfig"),
  functionCallingConfig: record("FunctionCallingConfig"),
  mode: enumOf("FunctionCallingConfigMode", ["AUTO", "ANY", "NONE", "VALIDATED"]),
  allowedFunctionNames: STRINGS,
  // Content and Part
  role: SCALAR,
  parts: records("Part"),
  text: SCALAR,
  thought: SCALAR,
  thoughtSignature: { kind: "bytes" },
  inlineData: record("Blob"),
  fileData: record("FileData"),
  mimeType: SCALAR,
  data: { kind: "bytes" },
  fileUri: SCALAR,
  functionCall: record("FunctionCall"),
  functionResponse: record("FunctionResponse"),
  id: SCALAR,
  name: SCALAR,
  args: { kind: "jsonObject" },
  response: { kind: "jsonObject" },
  executableCode: record("ExecutableCode"),
  language: enumOf("Language", ["LANGUAGE_UNSPECIFIED", "PYTHON"]),
  code: SCALAR,
  codeExecutionResult: record("CodeExecutionResult"),
  outcome: enumOf("Outcome", [
    "OUTCOME_UNSPECIFIED",
    "OUTCOME_OK",
    "OUTCOME_FAILED",
    "OUTCOME_DEADLINE_EXCEEDED",
  ]),
  output: SCALAR,
  // GenerateImagesConfig
  numberOfImages: SCALAR,
};

/** What the C# code needs beyond the SDK: `System.Text.Json` and its `Nodes`. */
export interface CsNeeds {
  json: boolean;
  jsonNodes: boolean;
}

/** The C# property for a field of the JavaScript SDK: the same name in PascalCase. */
export function csProperty(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** `HARM_CATEGORY_HATE_SPEECH` as the SDK's member `HarmCategoryHateSpeech`. */
export function csEnumMember(value: string): string {
  return value
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

export class CsConverter {
  readonly needs: CsNeeds = { json: false, jsonNodes: false };

  constructor(private readonly media: MediaPlan) {}

  /** An object of the request as the record `type`, every field by its C# property. */
  record(type: string, value: object): CsNode {
    const members = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]): [string, CsNode] => [csProperty(key), this.field(key, item)]);
    return { kind: "new", type, members };
  }

  records(type: string, values: readonly object[]): CsNode {
    return { kind: "list", type, items: values.map((value) => this.record(type, value)) };
  }

  private field(key: string, value: unknown): CsNode {
    const file = this.media.placeholder(value);
    if (file) return source(file.upload ? `${file.variable}.Uri` : file.variable);
    // A field the table does not know yet is taken to hold the record of its own name, as
    // most of them do (a unit test fails until the table lists it).
    const field = CSHARP_FIELDS[key] ?? (isObject(value) ? record(csProperty(key)) : SCALAR);
    switch (field.kind) {
      case "record":
        return this.record(field.type, isObject(value) ? value : {});
      case "records":
        return this.records(field.type, Array.isArray(value) ? value : []);
      case "strings":
        return {
          kind: "list",
          type: "string",
          items: (Array.isArray(value) ? value : []).map((item) => source(csScalar(item))),
        };
      case "enum":
        return source(
          typeof value === "string" && field.values.includes(value)
            ? `${field.type}.${csEnumMember(value)}`
            : // A value the SDK has no member for yet: its enums convert from the wire string.
              csScalar(value),
        );
      case "bytes":
        return source(bytesFrom(value));
      case "jsonNode":
        this.needs.jsonNodes = true;
        return { kind: "json", before: "JsonNode.Parse(", value, after: ")" };
      case "jsonObject":
        this.needs.json = true;
        return {
          kind: "json",
          before: "JsonSerializer.Deserialize<Dictionary<string, object>>(",
          value,
          after: ")",
        };
      case "scalar":
        return source(csScalar(value));
    }
  }
}

/**
 * Base64 text as `byte[]`. Gemini reads bytes in either base64 alphabet, and the documented
 * stand-in signature (`context_engineering_is_the_way_to_go`) is in the URL-safe one, which
 * `Convert` refuses: such text is turned to the standard alphabet in the code, where it stays
 * as the document has it.
 */
function bytesFrom(value: unknown): string {
  const text = csScalar(value);
  const urlSafe =
    typeof value === "string" &&
    value.length % 4 === 0 &&
    /[-_]/.test(value) &&
    /^[A-Za-z0-9_-]*={0,2}$/.test(value);
  return `Convert.FromBase64String(${urlSafe ? `${text}.Replace('-', '+').Replace('_', '/')` : text})`;
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
