/**
 * Reads and validates request bodies the way Google's front end does, with its message wording:
 * field paths in snake_case behind a `* ` bullet, one line per problem.
 */

import type {
  GenerateRequest,
  JsonObject,
  JsonValue,
  WireContent,
  WireGenerationConfig,
  WirePart,
  WireSafetySetting,
  WireToolConfig,
} from "@/lib/emulator/types";
import { BodyTooLarge, readBodyBytes } from "./body-bytes";
import { invalidArgument } from "./errors";

/** Google's inline-request ceiling; bigger media must go through the Files API. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

const DATA_FIELDS = [
  "text",
  "inlineData",
  "fileData",
  "functionCall",
  "functionResponse",
  "executableCode",
  "codeExecutionResult",
] as const;

export async function readJsonBody(request: Request): Promise<JsonObject> {
  let bytes: Uint8Array;
  try {
    bytes = await readBodyBytes(request, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    throw invalidArgument(`Request payload size exceeds the limit: ${MAX_BODY_BYTES} bytes.`);
  }
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const snippet = text.slice(0, 40).split("\n")[0] ?? "";
    throw invalidArgument(`Invalid JSON payload received. Unexpected token.\n${snippet}\n^`);
  }
  if (!isObject(parsed)) {
    throw invalidArgument("Invalid JSON payload received. Root element must be a message.");
  }
  return parsed;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `prefix` names the request message, e.g. `GenerateContentRequest`. */
export function parseGenerateRequest(
  body: JsonObject,
  model: string,
  prefix: string,
): GenerateRequest {
  const problems: string[] = [];
  const contents = parseContents(body.contents, `${prefix}.contents`, problems);
  let systemInstruction: WireContent | undefined;
  if (body.systemInstruction !== undefined && body.systemInstruction !== null) {
    systemInstruction = parseContent(
      body.systemInstruction,
      `${prefix}.system_instruction`,
      problems,
      true,
    );
  }
  if (problems.length > 0) throw invalidArgument(problems.join(""));
  const generationConfig = parseGenerationConfig(body.generationConfig);
  const request: GenerateRequest = { model, contents, generationConfig };
  if (systemInstruction) request.systemInstruction = systemInstruction;
  if (Array.isArray(body.tools)) request.tools = body.tools;
  if (isObject(body.toolConfig)) request.toolConfig = body.toolConfig as WireToolConfig;
  if (Array.isArray(body.safetySettings)) {
    request.safetySettings = body.safetySettings.filter(isObject) as WireSafetySetting[];
  }
  return request;
}

function parseContents(value: JsonValue | undefined, path: string, problems: string[]) {
  // Google's JSON mapping accepts a single message where a repeated field is expected.
  const list = Array.isArray(value) ? value : isObject(value) ? [value] : [];
  if (value !== undefined && value !== null && !Array.isArray(value) && !isObject(value)) {
    throw invalidArgument(
      `Invalid value at '${path.split(".").pop()}' (type.googleapis.com/google.ai.generativelanguage.v1beta.Content), ${JSON.stringify(value)}`,
    );
  }
  if (list.length === 0) {
    problems.push(`* ${path}: contents is not specified\n`);
    return [];
  }
  return list.map((item, index) => parseContent(item, `${path}[${index}]`, problems, false));
}

function parseContent(
  value: JsonValue,
  path: string,
  problems: string[],
  isSystem: boolean,
): WireContent {
  if (!isObject(value)) {
    throw invalidArgument(
      `Invalid value at '${path}' (type.googleapis.com/google.ai.generativelanguage.v1beta.Content), ${JSON.stringify(value)}`,
    );
  }
  const role = value.role;
  if (!isSystem && role !== undefined && role !== "" && role !== "user" && role !== "model") {
    throw invalidArgument("Please use a valid role: user, model.");
  }
  const rawParts = Array.isArray(value.parts)
    ? value.parts
    : isObject(value.parts)
      ? [value.parts]
      : [];
  if (rawParts.length === 0) {
    problems.push(`* ${path}.parts: contents.parts must not be empty.\n`);
  }
  const parts = rawParts.map((part, index) => {
    if (!isObject(part) || !DATA_FIELDS.some((field) => part[field] !== undefined)) {
      problems.push(
        `* ${path}.parts[${index}].data: required oneof field 'data' must have one initialized field\n`,
      );
      return {};
    }
    if (part.text !== undefined && typeof part.text !== "string") {
      problems.push(`* ${path}.parts[${index}].text: Invalid value, expected a string\n`);
    }
    return part as WirePart;
  });
  const content: WireContent = { parts };
  if (typeof role === "string" && role !== "") content.role = role;
  return content;
}

function parseGenerationConfig(value: JsonValue | undefined): WireGenerationConfig {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) {
    throw invalidArgument(
      `Invalid value at 'generation_config' (type.googleapis.com/google.ai.generativelanguage.v1beta.GenerationConfig), ${JSON.stringify(value)}`,
    );
  }
  for (const field of ["temperature", "topP", "topK", "maxOutputTokens", "candidateCount"]) {
    const n = value[field];
    if (n !== undefined && n !== null && typeof n !== "number") {
      throw invalidArgument(
        `Invalid value at 'generation_config.${snake(field)}' (TYPE_${field === "temperature" || field === "topP" ? "FLOAT" : "INT32"}), ${JSON.stringify(n)}`,
      );
    }
  }
  return value as WireGenerationConfig;
}

function snake(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
