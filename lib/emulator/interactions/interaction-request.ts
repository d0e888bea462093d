/**
 * Reads `POST interactions`: the body must parse into the create message (interaction-fields.ts,
 * walked by schema-walk.ts; every problem listed, one per line, 400 `invalid_request`), then pass
 * the rules that tie fields together: exactly one of `model` and `agent`; `agent_config` only for
 * agents; `background` needs `store`; `input` unless a `continuation_token` resumes a decode; a
 * JSON-schema `response_format` needs `response_mime_type` (the pre-May-2026 form, still typed by
 * the SDK).
 */
import type { JsonObject, JsonValue } from "@/lib/emulator/types";
import { readJsonBody } from "@/lib/emulator/validation/request-body";
import { badRequest } from "./interaction-errors";
import { CONTENT, CREATE_BODY, RESPONSE_FORMAT_VARIANTS, STEP } from "./interaction-fields";
import { isContentList } from "./interaction-input";
import { isObject, list, typed, Walker } from "./schema-walk";

export interface CreateRequest {
  model?: string;
  agent?: string;
  agentConfig?: JsonObject;
  input?: JsonValue;
  systemInstruction?: string;
  generationConfig: JsonObject;
  tools: JsonObject[];
  /** `response_format` as a list of typed formats (a bare JSON schema becomes a text format). */
  responseFormats: JsonObject[];
  responseModalities?: string[];
  safetySettings: JsonObject[];
  previousInteractionId?: string;
  continuationToken?: string;
  background: boolean;
  store: boolean;
  stream: boolean;
  /** The body as read, for echoing the input back (`include_input`). */
  body: JsonObject;
}

const FORMAT = typed("ResponseFormat", RESPONSE_FORMAT_VARIANTS);

function readInput(walker: Walker, input: JsonValue): JsonValue | undefined {
  if (typeof input === "string") return input;
  if (isObject(input)) return walker.walk(CONTENT, input, "input");
  if (Array.isArray(input)) {
    return walker.walk(list(isContentList(input) ? CONTENT : STEP), input, "input");
  }
  walker.invalid("input", "Input", input);
  return undefined;
}

/** A typed format, or (with `response_mime_type`) a bare JSON schema for text output. */
function readFormats(walker: Walker, body: JsonObject): JsonObject[] {
  const value = body.response_format;
  if (value === undefined || value === null) return [];
  const isTyped = (item: JsonValue) =>
    isObject(item) && typeof item.type === "string" && item.type in RESPONSE_FORMAT_VARIANTS;
  if (Array.isArray(value)) {
    const read = walker.walk(list(FORMAT), value, "response_format");
    return Array.isArray(read) ? read.filter(isObject) : [];
  }
  if (!isObject(value)) {
    walker.invalid("response_format", "ResponseFormat", value);
    return [];
  }
  if (isTyped(value)) {
    const read = walker.walk(FORMAT, value, "response_format");
    return isObject(read) ? [read] : [];
  }
  const mimeType = body.response_mime_type;
  if (typeof mimeType !== "string") {
    walker.problems.push("response_mime_type is required when response_format is a JSON schema.");
    return [];
  }
  return [{ type: "text", mime_type: mimeType, schema: value }];
}

export async function readCreateRequest(request: Request): Promise<CreateRequest> {
  const raw = await readJsonBody(request);
  const walker = new Walker();
  const body = walker.object(CREATE_BODY, raw, "") ?? {};
  const input = raw.input === undefined || raw.input === null ? undefined : raw.input;
  const readInputValue = input === undefined ? undefined : readInput(walker, input);
  const responseFormats = readFormats(walker, raw);
  if (walker.problems.length > 0) throw badRequest(walker.problems.join("\n"));

  const model = typeof body.model === "string" ? body.model : undefined;
  const agent = typeof body.agent === "string" ? body.agent : undefined;
  if (model === undefined && agent === undefined) {
    throw badRequest("Either model or agent must be set.");
  }
  if (model !== undefined && agent !== undefined) {
    throw badRequest("Only one of model or agent can be set.");
  }
  if (model !== undefined && body.agent_config !== undefined) {
    throw badRequest("agent_config can only be used with an agent.");
  }
  const store = body.store !== false;
  const background = body.background === true;
  if (background && !store) {
    throw badRequest("background=true requires store=true: a background interaction is stored.");
  }
  const continuationToken =
    typeof body.continuation_token === "string" ? body.continuation_token : undefined;
  if (readInputValue === undefined && continuationToken === undefined) {
    throw badRequest("input is required.");
  }
  if (Array.isArray(readInputValue) && readInputValue.length === 0) {
    throw badRequest("input must not be empty.");
  }
  const created: CreateRequest = {
    generationConfig: isObject(body.generation_config) ? body.generation_config : {},
    tools: Array.isArray(body.tools) ? body.tools.filter(isObject) : [],
    responseFormats,
    safetySettings: Array.isArray(body.safety_settings)
      ? body.safety_settings.filter(isObject)
      : [],
    background,
    store,
    stream: body.stream === true,
    body,
  };
  if (model !== undefined) created.model = model;
  if (agent !== undefined) created.agent = agent;
  if (isObject(body.agent_config)) created.agentConfig = body.agent_config;
  if (readInputValue !== undefined) created.input = readInputValue;
  if (typeof body.system_instruction === "string") {
    created.systemInstruction = body.system_instruction;
  }
  if (Array.isArray(body.response_modalities)) {
    created.responseModalities = body.response_modalities.map(String);
  }
  if (typeof body.previous_interaction_id === "string") {
    created.previousInteractionId = body.previous_interaction_id;
  }
  if (continuationToken !== undefined) created.continuationToken = continuationToken;
  return created;
}
