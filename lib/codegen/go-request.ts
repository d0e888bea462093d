import { type GoEntry, type GoValue, goExpr, goJson, goLiteral, goString } from "./go-source";
import type { MediaPlan } from "./media-files";

/**
 * The request's JSON as the Go SDK's typed values (google.golang.org/genai, types.go): each
 * field under its Go name (`MIMEType`, `FileURI`, `ID`, `URLContext`…), numbers behind the
 * pointers the SDK takes for optional ones (`genai.Ptr[float32](…)`), enum values as the SDK's
 * named constants, thought signatures as the bytes the SDK wants, the person's own JSON (schemas,
 * arguments, results) as `map[string]any`.
 */
type GoType =
  | "string"
  | "bool"
  | "int32"
  | "float32Ptr"
  | "int32Ptr"
  | "strings"
  | "json"
  | "signature"
  | "role"
  | "fileBytes"
  | "fileURI"
  | { struct: string; pointer: boolean }
  | { slice: string }
  | { enum: string };

type Fields = Readonly<Record<string, readonly [name: string, type: GoType]>>;

const ptr = (struct: string) => ({ struct, pointer: true });

/** Each struct the request uses, by its JSON field names. */
const STRUCTS: Readonly<Record<string, Fields>> = {
  Content: { role: ["Role", "role"], parts: ["Parts", { slice: "Part" }] },
  Part: {
    text: ["Text", "string"],
    thought: ["Thought", "bool"],
    thoughtSignature: ["ThoughtSignature", "signature"],
    inlineData: ["InlineData", ptr("Blob")],
    fileData: ["FileData", ptr("FileData")],
    functionCall: ["FunctionCall", ptr("FunctionCall")],
    functionResponse: ["FunctionResponse", ptr("FunctionResponse")],
    executableCode: ["ExecutableCode", ptr("ExecutableCode")],
    codeExecutionResult: ["CodeExecutionResult", ptr("CodeExecutionResult")],
  },
  Blob: { mimeType: ["MIMEType", "string"], data: ["Data", "fileBytes"] },
  FileData: { fileUri: ["FileURI", "fileURI"], mimeType: ["MIMEType", "string"] },
  FunctionCall: { id: ["ID", "string"], name: ["Name", "string"], args: ["Args", "json"] },
  FunctionResponse: {
    id: ["ID", "string"],
    name: ["Name", "string"],
    response: ["Response", "json"],
  },
  ExecutableCode: {
    id: ["ID", "string"],
    language: ["Language", { enum: "Language" }],
    code: ["Code", "string"],
  },
  CodeExecutionResult: {
    id: ["ID", "string"],
    outcome: ["Outcome", { enum: "Outcome" }],
    output: ["Output", "string"],
  },
  GenerateContentConfig: {
    systemInstruction: ["SystemInstruction", ptr("Content")],
    temperature: ["Temperature", "float32Ptr"],
    topP: ["TopP", "float32Ptr"],
    topK: ["TopK", "float32Ptr"],
    candidateCount: ["CandidateCount", "int32"],
    maxOutputTokens: ["MaxOutputTokens", "int32"],
    stopSequences: ["StopSequences", "strings"],
    responseLogprobs: ["ResponseLogprobs", "bool"],
    logprobs: ["Logprobs", "int32Ptr"],
    presencePenalty: ["PresencePenalty", "float32Ptr"],
    frequencyPenalty: ["FrequencyPenalty", "float32Ptr"],
    seed: ["Seed", "int32Ptr"],
    responseMimeType: ["ResponseMIMEType", "string"],
    responseJsonSchema: ["ResponseJsonSchema", "json"],
    mediaResolution: ["MediaResolution", { enum: "MediaResolution" }],
    safetySettings: ["SafetySettings", { slice: "SafetySetting" }],
    tools: ["Tools", { slice: "Tool" }],
    toolConfig: ["ToolConfig", ptr("ToolConfig")],
    responseModalities: ["ResponseModalities", "strings"],
    speechConfig: ["SpeechConfig", ptr("SpeechConfig")],
    thinkingConfig: ["ThinkingConfig", ptr("ThinkingConfig")],
    imageConfig: ["ImageConfig", ptr("ImageConfig")],
  },
  SafetySetting: {
    category: ["Category", { enum: "HarmCategory" }],
    threshold: ["Threshold", { enum: "HarmBlockThreshold" }],
  },
  Tool: {
    functionDeclarations: ["FunctionDeclarations", { slice: "FunctionDeclaration" }],
    googleSearch: ["GoogleSearch", ptr("GoogleSearch")],
    codeExecution: ["CodeExecution", ptr("ToolCodeExecution")],
    urlContext: ["URLContext", ptr("URLContext")],
  },
  FunctionDeclaration: {
    name: ["Name", "string"],
    description: ["Description", "string"],
    parametersJsonSchema: ["ParametersJsonSchema", "json"],
  },
  GoogleSearch: {},
  ToolCodeExecution: {},
  URLContext: {},
  ToolConfig: { functionCallingConfig: ["FunctionCallingConfig", ptr("FunctionCallingConfig")] },
  FunctionCallingConfig: {
    mode: ["Mode", { enum: "FunctionCallingConfigMode" }],
    allowedFunctionNames: ["AllowedFunctionNames", "strings"],
  },
  ThinkingConfig: {
    includeThoughts: ["IncludeThoughts", "bool"],
    thinkingBudget: ["ThinkingBudget", "int32Ptr"],
    thinkingLevel: ["ThinkingLevel", { enum: "ThinkingLevel" }],
  },
  SpeechConfig: {
    voiceConfig: ["VoiceConfig", ptr("VoiceConfig")],
    multiSpeakerVoiceConfig: ["MultiSpeakerVoiceConfig", ptr("MultiSpeakerVoiceConfig")],
  },
  VoiceConfig: { prebuiltVoiceConfig: ["PrebuiltVoiceConfig", ptr("PrebuiltVoiceConfig")] },
  PrebuiltVoiceConfig: { voiceName: ["VoiceName", "string"] },
  MultiSpeakerVoiceConfig: {
    speakerVoiceConfigs: ["SpeakerVoiceConfigs", { slice: "SpeakerVoiceConfig" }],
  },
  SpeakerVoiceConfig: {
    speaker: ["Speaker", "string"],
    voiceConfig: ["VoiceConfig", ptr("VoiceConfig")],
  },
  ImageConfig: { aspectRatio: ["AspectRatio", "string"] },
  GenerateImagesConfig: {
    numberOfImages: ["NumberOfImages", "int32"],
    aspectRatio: ["AspectRatio", "string"],
  },
};

/** The SDK's named constant for each value it names (types.go); others are converted. */
const CONSTANTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  HarmCategory: {
    HARM_CATEGORY_HARASSMENT: "HarmCategoryHarassment",
    HARM_CATEGORY_HATE_SPEECH: "HarmCategoryHateSpeech",
    HARM_CATEGORY_SEXUALLY_EXPLICIT: "HarmCategorySexuallyExplicit",
    HARM_CATEGORY_DANGEROUS_CONTENT: "HarmCategoryDangerousContent",
    HARM_CATEGORY_CIVIC_INTEGRITY: "HarmCategoryCivicIntegrity",
  },
  HarmBlockThreshold: {
    BLOCK_LOW_AND_ABOVE: "HarmBlockThresholdBlockLowAndAbove",
    BLOCK_MEDIUM_AND_ABOVE: "HarmBlockThresholdBlockMediumAndAbove",
    BLOCK_ONLY_HIGH: "HarmBlockThresholdBlockOnlyHigh",
    BLOCK_NONE: "HarmBlockThresholdBlockNone",
    OFF: "HarmBlockThresholdOff",
  },
  MediaResolution: {
    MEDIA_RESOLUTION_LOW: "MediaResolutionLow",
    MEDIA_RESOLUTION_MEDIUM: "MediaResolutionMedium",
    MEDIA_RESOLUTION_HIGH: "MediaResolutionHigh",
  },
  ThinkingLevel: {
    MINIMAL: "ThinkingLevelMinimal",
    LOW: "ThinkingLevelLow",
    MEDIUM: "ThinkingLevelMedium",
    HIGH: "ThinkingLevelHigh",
  },
  FunctionCallingConfigMode: {
    AUTO: "FunctionCallingConfigModeAuto",
    ANY: "FunctionCallingConfigModeAny",
    NONE: "FunctionCallingConfigModeNone",
    VALIDATED: "FunctionCallingConfigModeValidated",
  },
  Language: { PYTHON: "LanguagePython", LANGUAGE_UNSPECIFIED: "LanguageUnspecified" },
  Outcome: {
    OUTCOME_OK: "OutcomeOK",
    OUTCOME_FAILED: "OutcomeFailed",
    OUTCOME_DEADLINE_EXCEEDED: "OutcomeDeadlineExceeded",
    OUTCOME_UNSPECIFIED: "OutcomeUnspecified",
  },
};

const ROLES: Readonly<Record<string, string>> = {
  user: "genai.RoleUser",
  model: "genai.RoleModel",
};

export class GoRequest {
  /** Paths of fields with no Go name here: said at the top of the code, never dropped silently. */
  readonly unknown: string[] = [];

  constructor(private readonly media: MediaPlan) {}

  /** `&genai.Name{…}` (or `genai.Name{…}`) for a JSON object of that struct. */
  struct(name: string, value: unknown, pointer = true, block = false): GoValue {
    return goLiteral(`${pointer ? "&" : ""}genai.${name}`, this.fields(name, value), block);
  }

  /** `[]*genai.Name{…}`, each element's type left out as Go allows. */
  slice(name: string, items: unknown[]): GoValue {
    return goLiteral(
      `[]*genai.${name}`,
      items.map((item) => ({ value: this.element(name, item) })),
    );
  }

  /** One element of a `[]*genai.Name`: `{…}`, or the SDK's constructor for a file on its own. */
  element(name: string, item: unknown, block = false): GoValue {
    const helper = name === "Part" ? this.partHelper(item) : undefined;
    return helper ?? goLiteral("", this.fields(name, item), block);
  }

  /** A file on its own, as the SDK's constructors make it: `genai.NewPartFromBytes` and `…FromURI`. */
  private partHelper(part: unknown): GoValue | undefined {
    const { inlineData, fileData, ...rest } = part as {
      inlineData?: { mimeType: string; data: string };
      fileData?: { mimeType: string; fileUri: string };
    };
    if (Object.keys(rest).length) return undefined;
    if (inlineData && !fileData) {
      const data = this.value("fileBytes", inlineData.data, "data");
      return goExpr(`genai.NewPartFromBytes(${textOf(data)}, ${goString(inlineData.mimeType)})`);
    }
    if (fileData && !inlineData) {
      const uri = this.value("fileURI", fileData.fileUri, "fileUri");
      return goExpr(`genai.NewPartFromURI(${textOf(uri)}, ${goString(fileData.mimeType)})`);
    }
    return undefined;
  }

  private fields(name: string, value: unknown): GoEntry[] {
    const fields = STRUCTS[name] ?? {};
    const entries: GoEntry[] = [];
    for (const [key, item] of Object.entries((value ?? {}) as Record<string, unknown>)) {
      if (item === undefined) continue;
      const field = fields[key];
      if (!field) {
        this.unknown.push(`${name}.${key}`);
        continue;
      }
      entries.push({ key: field[0], value: this.value(field[1], item, `${name}.${key}`) });
    }
    return entries;
  }

  private value(type: GoType, value: unknown, path: string): GoValue {
    if (typeof type === "object") {
      if ("struct" in type) return this.struct(type.struct, value, type.pointer);
      if ("slice" in type) return this.slice(type.slice, value as unknown[]);
      const constant = CONSTANTS[type.enum]?.[String(value)];
      return goExpr(
        constant ? `genai.${constant}` : `genai.${type.enum}(${goString(String(value))})`,
      );
    }
    switch (type) {
      case "string":
        return goExpr(goString(String(value)));
      case "bool":
      case "int32":
        return goExpr(String(value));
      case "float32Ptr":
        return goExpr(`genai.Ptr[float32](${value})`);
      case "int32Ptr":
        return goExpr(`genai.Ptr[int32](${value})`);
      case "strings":
        return goLiteral(
          "[]string",
          (value as unknown[]).map((item) => ({ value: goExpr(goString(String(item))) })),
        );
      case "json":
        return goJson(value);
      case "signature":
        return goExpr(`signature(${goString(String(value))})`);
      case "role":
        return goExpr(ROLES[String(value)] ?? goString(String(value)));
      case "fileBytes":
      case "fileURI": {
        // Every file of the request is one the media plan read or uploaded.
        const file = this.media.placeholder(value);
        if (!file) throw new Error(`${path} is not one of the request's files`);
        return goExpr(type === "fileURI" ? `${file.variable}.URI` : file.variable);
      }
    }
    throw new Error(`no Go form for ${path}`);
  }
}

function textOf(value: GoValue): string {
  if (value.kind !== "expr") throw new Error("a file is one expression");
  return value.text;
}
