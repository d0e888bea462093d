/**
 * Reads and validates request bodies the way Google's front end does, in two stages: the body
 * must parse into the method's request proto (validateRequestBody, against the tables in
 * request-schema.ts), then the parsed request must pass the semantic checks, answered as
 * `* Request.path: problem` bullets, one line per problem.
 */

import type {
  ApiVersion,
  GenerateRequest,
  JsonObject,
  JsonValue,
  WireContent,
  WireGenerationConfig,
  WirePart,
  WireSafetySetting,
  WireToolConfig,
} from "@/lib/emulator/types";
import { badRequest, brokenRules, ruleBullets } from "./bad-request";
import { BodyTooLarge, readBodyBytes } from "./body-bytes";
import { invalidArgument } from "./errors";
import { REQUEST_MESSAGE_BY_METHOD } from "./request-schema";
import { walkRequest } from "./schema-walk";

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

/**
 * Parses a POST body into the method's request message, or throws Google's 400 with every
 * problem and its field violations. Returns the body as the parser reads it (camelCase names,
 * numbers, canonical enum names), so a snake_case request behaves like a camelCase one. Methods
 * without a table (those the emulator does not implement) pass through.
 */
export function validateRequestBody(
  method: string,
  body: JsonObject,
  version: ApiVersion,
): JsonObject {
  const messageName = REQUEST_MESSAGE_BY_METHOD[method];
  if (!messageName) return body;
  const { body: parsed, violations } = walkRequest(messageName, body, version);
  if (violations.length > 0) throw badRequest(violations);
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
  // Field types were settled when the body parsed (validateRequestBody); the table's ranges and
  // allowed values join the content checks here so Google's bullets come out in one message.
  problems.push(...ruleBullets(walkRequest("GenerateContentRequest", body).problems, prefix));
  if (problems.length > 0) throw brokenRules(problems);
  const generationConfig = isObject(body.generationConfig)
    ? (body.generationConfig as WireGenerationConfig)
    : {};
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
    return part as WirePart;
  });
  const content: WireContent = { parts };
  if (typeof role === "string" && role !== "") content.role = role;
  return content;
}
