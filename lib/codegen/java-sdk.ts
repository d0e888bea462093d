import { JavaBuilder, JavaCall, JavaJson, type JavaValue, javaString } from "./java-source";
import type { MediaPlan } from "./media-files";

/**
 * The Java Gen AI SDK's types (com.google.genai.types) the request is built from, each field by
 * the name of its builder's setter and how its value is written: the SDK types numbers as
 * `Float` or `Integer`, takes every enum by its name as a string, bytes as `byte[]`, and the
 * person's own JSON (schemas, arguments, results) as maps. A field the mapping starts to send
 * fails here until it is listed, rather than leaving the code silently.
 */
type Field =
  | "string"
  | "float"
  | "int"
  | "bool"
  | "enum"
  | "strings"
  | "json"
  | "signature"
  | "bytes"
  | "uri"
  | { type: string }
  | { list: string };

export const SDK_TYPES: Readonly<Record<string, Readonly<Record<string, Field>>>> = {
  GenerateContentConfig: {
    systemInstruction: { type: "Content" },
    temperature: "float",
    topP: "float",
    topK: "float",
    maxOutputTokens: "int",
    stopSequences: "strings",
    presencePenalty: "float",
    frequencyPenalty: "float",
    seed: "int",
    responseMimeType: "string",
    responseJsonSchema: "json",
    responseModalities: "strings",
    mediaResolution: "enum",
    speechConfig: { type: "SpeechConfig" },
    thinkingConfig: { type: "ThinkingConfig" },
    imageConfig: { type: "ImageConfig" },
    safetySettings: { list: "SafetySetting" },
    tools: { list: "Tool" },
    toolConfig: { type: "ToolConfig" },
  },
  Content: { role: "string", parts: { list: "Part" } },
  Part: {
    text: "string",
    thought: "bool",
    inlineData: { type: "Blob" },
    fileData: { type: "FileData" },
    functionCall: { type: "FunctionCall" },
    functionResponse: { type: "FunctionResponse" },
    executableCode: { type: "ExecutableCode" },
    codeExecutionResult: { type: "CodeExecutionResult" },
    thoughtSignature: "signature",
  },
  Blob: { mimeType: "string", data: "bytes" },
  FileData: { fileUri: "uri", mimeType: "string" },
  FunctionCall: { id: "string", name: "string", args: "json" },
  FunctionResponse: { id: "string", name: "string", response: "json" },
  ExecutableCode: { language: "enum", code: "string" },
  CodeExecutionResult: { outcome: "enum", output: "string" },
  SafetySetting: { category: "enum", threshold: "enum" },
  Tool: {
    functionDeclarations: { list: "FunctionDeclaration" },
    googleSearch: { type: "GoogleSearch" },
    codeExecution: { type: "ToolCodeExecution" },
    urlContext: { type: "UrlContext" },
  },
  FunctionDeclaration: { name: "string", description: "string", parametersJsonSchema: "json" },
  GoogleSearch: {},
  ToolCodeExecution: {},
  UrlContext: {},
  ToolConfig: { functionCallingConfig: { type: "FunctionCallingConfig" } },
  FunctionCallingConfig: { mode: "enum", allowedFunctionNames: "strings" },
  ThinkingConfig: { includeThoughts: "bool", thinkingBudget: "int", thinkingLevel: "enum" },
  SpeechConfig: {
    voiceConfig: { type: "VoiceConfig" },
    multiSpeakerVoiceConfig: { type: "MultiSpeakerVoiceConfig" },
  },
  VoiceConfig: { prebuiltVoiceConfig: { type: "PrebuiltVoiceConfig" } },
  PrebuiltVoiceConfig: { voiceName: "string" },
  MultiSpeakerVoiceConfig: { speakerVoiceConfigs: { list: "SpeakerVoiceConfig" } },
  SpeakerVoiceConfig: { speaker: "string", voiceConfig: { type: "VoiceConfig" } },
  ImageConfig: { aspectRatio: "string" },
  GenerateImagesConfig: { numberOfImages: "int", aspectRatio: "string" },
};

/**
 * Fields the wire carries that the Java SDK's types have no setter for: the ids Gemini 3 puts on
 * code execution steps. Their values are named in a note instead.
 */
const NO_SETTER: Readonly<Record<string, readonly string[]>> = {
  ExecutableCode: ["id"],
  CodeExecutionResult: ["id"],
};

/** Google's signatures are base64 (standard alphabet); anything else is sent as its own text. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

export interface JavaRequest {
  media: MediaPlan;
  /** Values of fields the Java SDK has no setter for, as `Type.field`, filled while building. */
  unsent: { field: string; value: unknown }[];
  /** Classes the values written so far need beyond the SDK types they build. */
  imports: Set<string>;
}

/** A wire object of the SDK type `type` as that type's builder (or its shorter factory). */
export function toJava(type: string, value: object, request: JavaRequest): JavaValue {
  const fields = SDK_TYPES[type];
  if (!fields) throw new Error(`${type} is not a Java SDK type this code knows`);
  const shortcut = type === "Part" ? partFactory({ ...value }, request) : undefined;
  if (shortcut) return shortcut;
  const setters: [string, JavaValue[]][] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const field = fields[key];
    if (field !== undefined) setters.push([key, javaArgs(field, item, request, `${type}.${key}`)]);
    else if (NO_SETTER[type]?.includes(key))
      request.unsent.push({ field: `${type}.${key}`, value: item });
    else throw new Error(`${type}.${key} has no setter in the Java SDK as this code knows it`);
  }
  return new JavaBuilder(type, setters);
}

/** `Part.fromText`, `Part.fromBytes`, `Part.fromUri`: the SDK's own factories for a part alone. */
function partFactory(part: Record<string, unknown>, request: JavaRequest): JavaValue | undefined {
  const keys = Object.keys(part).filter((k) => part[k] !== undefined);
  if (keys.join() === "text" && typeof part.text === "string") {
    return new JavaCall("Part.fromText", [javaString(part.text)]);
  }
  const blob = part.inlineData as { mimeType?: string; data?: unknown } | undefined;
  if (keys.join() === "inlineData" && blob?.mimeType) {
    return new JavaCall("Part.fromBytes", [
      mediaSource("bytes", blob.data, request),
      javaString(blob.mimeType),
    ]);
  }
  const file = part.fileData as { mimeType?: string; fileUri?: unknown } | undefined;
  if (keys.join() === "fileData" && file?.mimeType) {
    return new JavaCall("Part.fromUri", [
      mediaSource("uri", file.fileUri, request),
      javaString(file.mimeType),
    ]);
  }
  return undefined;
}

function javaArgs(field: Field, value: unknown, request: JavaRequest, path: string): JavaValue[] {
  if (typeof field === "object") {
    if ("type" in field) return [toJava(field.type, object(value, path), request)];
    return list(value, path).map((item) => toJava(field.list, object(item, path), request));
  }
  switch (field) {
    case "string":
    case "enum":
      return [javaString(text(value, path))];
    case "strings":
      return list(value, path).map((item) => javaString(text(item, path)));
    case "float":
      return [`${number(value, path)}f`];
    case "int": {
      const n = number(value, path);
      if (!Number.isSafeInteger(n)) throw new Error(`${path} is not an integer: ${n}`);
      return [String(n)];
    }
    case "bool":
      if (typeof value !== "boolean") throw new Error(`${path} is not a boolean`);
      return [String(value)];
    case "json":
      request.imports.add("ObjectMapper");
      return [new JavaJson(value)];
    case "signature":
      return [signature(text(value, path), request)];
    case "bytes":
    case "uri":
      return [mediaSource(field, value, request)];
  }
}

/**
 * The SDK takes a thought signature as bytes and sends them as base64: Google's own signatures
 * are decoded, and the documented stand-in for one Gemini never issued goes as its text.
 */
function signature(value: string, request: JavaRequest): string {
  if (BASE64.test(value)) {
    request.imports.add("Base64");
    return `Base64.getDecoder().decode(${javaString(value)})`;
  }
  request.imports.add("StandardCharsets");
  return `${javaString(value)}.getBytes(StandardCharsets.UTF_8)`;
}

/** The variable a file was read into, or the URI of the file it was uploaded as. */
function mediaSource(kind: "bytes" | "uri", value: unknown, request: JavaRequest): string {
  const file = request.media.placeholder(value);
  if (!file) throw new Error(`a part's ${kind === "uri" ? "fileUri" : "data"} is not a file`);
  return kind === "uri" ? `${file.variable}.uri().get()` : file.variable;
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`${path} is not an object`);
  }
  return value as Record<string, unknown>;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${path} is not a list`);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== "string") throw new Error(`${path} is not a string`);
  return value;
}

function number(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new Error(`${path} is not a number`);
  return value;
}
