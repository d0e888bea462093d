/**
 * A chat-completions body, read and checked, then rewritten as the native generateContent body the
 * compat layer sends on (native validation then runs on it, so its 400s are Google's own):
 *   messages                       → contents, systemInstruction (chat-messages.ts)
 *   tools[{type: "function"}]      → tools[{functionDeclarations: [{name, description,
 *                                     parametersJsonSchema}]}]
 *   tool_choice none|auto|required → toolConfig.functionCallingConfig.mode NONE|AUTO|ANY;
 *     {type: "function", function: {name}} → ANY with allowedFunctionNames [name]
 *   response_format json_schema    → responseMimeType application/json + responseJsonSchema;
 *     json_object → application/json alone; text → nothing
 *   temperature, top_p, n, seed, presence_penalty, frequency_penalty → temperature, topP,
 *     candidateCount, seed, presencePenalty, frequencyPenalty
 *   max_completion_tokens (else max_tokens) → maxOutputTokens; stop (string or list) →
 *     stopSequences
 *   reasoning_effort, extra_body.google.thinking_config → thinkingConfig (reasoning.ts)
 *   extra_body.google.cached_content → cachedContent
 */
import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue";
import type { JsonObject, JsonValue, WireGenerationConfig } from "@/lib/emulator/types";
import { brokenRules } from "@/lib/emulator/validation/bad-request";
import { isObject } from "@/lib/emulator/validation/request-body";
import { translateMessages } from "./chat-messages";
import type { ChatRequest, ChatTool } from "./chat-schema";
import { thinkingConfigFor } from "./reasoning";

const PREFIX = "ChatCompletionRequest";
const FORMATS = ["text", "json_object", "json_schema"];
const CHOICES: Record<string, string> = { none: "NONE", auto: "AUTO", required: "ANY" };

/** The parts of a chat request that need no model to be checked. */
export function checkChatRequest(request: ChatRequest): void {
  const problems: string[] = [];
  const problem = (path: string, text: string) => problems.push(`* ${PREFIX}.${path}: ${text}\n`);
  if (!request.model) problem("model", "model is not specified");
  if (!request.messages || request.messages.length === 0) {
    problem("messages", "messages is not specified");
  }
  (request.tools ?? []).forEach((tool, index) => {
    if (tool.type !== "function") problem(`tools[${index}].type`, 'type must be "function"');
    if (!tool.function?.name) problem(`tools[${index}].function.name`, "name is not specified");
  });
  const choice = request.tool_choice;
  if (choice !== undefined && !(typeof choice === "string" && choice in CHOICES)) {
    const name = namedChoice(choice);
    if (name === undefined) {
      problem("tool_choice", 'tool_choice must be "none", "auto", "required" or a named function');
    } else if (!(request.tools ?? []).some((tool) => tool.function?.name === name)) {
      problem("tool_choice", `no tool is named ${JSON.stringify(name)}`);
    }
  }
  const format = request.response_format;
  if (format && !FORMATS.includes(format.type ?? "")) {
    problem("response_format.type", `type must be one of ${FORMATS.join(", ")}`);
  }
  if (format?.type === "json_schema" && !format.json_schema) {
    problem("response_format.json_schema", "json_schema is not specified");
  }
  const stop = request.stop;
  if (
    stop !== undefined &&
    typeof stop !== "string" &&
    !(Array.isArray(stop) && stop.every((s) => typeof s === "string"))
  ) {
    problem("stop", "stop must be a string or a list of strings");
  }
  if (problems.length > 0) throw brokenRules(problems);
}

function namedChoice(choice: unknown): string | undefined {
  if (!isObject(choice) || choice.type !== "function" || !isObject(choice.function)) return;
  const name = choice.function.name;
  return typeof name === "string" && name !== "" ? name : undefined;
}

function declarations(tools: ChatTool[]): JsonObject[] {
  return tools.map((tool) => {
    const fn = tool.function ?? {};
    const decl: JsonObject = { name: fn.name ?? "" };
    if (fn.description !== undefined) decl.description = fn.description;
    if (fn.parameters !== undefined) decl.parametersJsonSchema = fn.parameters as JsonValue;
    return decl;
  });
}

function toolConfig(choice: unknown): JsonObject | undefined {
  if (choice === undefined) return undefined;
  if (typeof choice === "string") return { functionCallingConfig: { mode: CHOICES[choice] ?? "" } };
  const name = namedChoice(choice);
  return { functionCallingConfig: { mode: "ANY", allowedFunctionNames: [name ?? ""] } };
}

function generationConfig(request: ChatRequest, model: CatalogueModel): WireGenerationConfig {
  const config: WireGenerationConfig = {};
  if (request.temperature !== undefined) config.temperature = request.temperature;
  if (request.top_p !== undefined) config.topP = request.top_p;
  const max = request.max_completion_tokens ?? request.max_tokens;
  if (max !== undefined) config.maxOutputTokens = max;
  if (request.stop !== undefined) {
    config.stopSequences =
      typeof request.stop === "string" ? [request.stop] : [...(request.stop as string[])];
  }
  if (request.seed !== undefined) config.seed = request.seed;
  if (request.presence_penalty !== undefined) config.presencePenalty = request.presence_penalty;
  if (request.frequency_penalty !== undefined) config.frequencyPenalty = request.frequency_penalty;
  if (request.n !== undefined) config.candidateCount = request.n;
  const format = request.response_format;
  if (format?.type === "json_object" || format?.type === "json_schema") {
    config.responseMimeType = "application/json";
  }
  const schema = format?.type === "json_schema" ? format.json_schema?.schema : undefined;
  if (schema !== undefined) config.responseJsonSchema = schema as JsonValue;
  const thinking = thinkingConfigFor(request, model);
  if (thinking) config.thinkingConfig = thinking;
  return config;
}

/** The native generateContent body for a checked chat request. */
export function nativeBody(request: ChatRequest, model: CatalogueModel): JsonObject {
  const { result, problems } = translateMessages(request.messages ?? [], PREFIX);
  if (problems.length > 0) throw brokenRules(problems);
  const body: JsonObject = { contents: result.contents as unknown as JsonValue };
  if (result.systemInstruction) {
    body.systemInstruction = result.systemInstruction as unknown as JsonValue;
  }
  const config = generationConfig(request, model);
  if (Object.keys(config).length > 0) body.generationConfig = config as JsonObject;
  if (request.tools && request.tools.length > 0) {
    body.tools = [{ functionDeclarations: declarations(request.tools) }];
  }
  const tools = toolConfig(request.tool_choice);
  if (tools) body.toolConfig = tools;
  const cache = request.extra_body?.google?.cached_content;
  if (cache !== undefined) body.cachedContent = cache;
  return body;
}
