/**
 * The OpenAI-compatible endpoint, `/v1beta/openai/…` (and `/v1/openai/…`), as Google runs it: a
 * translation in front of generateContent (https://ai.google.dev/gemini-api/docs/openai). The
 * `openai` clients work unchanged with `baseURL: "<emulator>/v1beta/openai/"`.
 *
 * Routes:
 *   POST chat/completions   (chat-completions.ts; unary and `stream: true`)
 *   GET  models · GET models/{id}   (models.ts)
 *   POST embeddings         (embeddings.ts)
 *   anything else: 404
 *
 * Key: `Authorization: Bearer <key>` (what the clients send), else `x-goog-api-key` or `?key=`,
 * judged like the native key (`acceptKey`): none is 403 "Method doesn't allow unregistered
 * callers…", a refused one 400 API_KEY_INVALID with ErrorInfo and LocalizedMessage details
 * (NousResearch/hermes-agent#7893 quotes it from this endpoint).
 *
 * Errors (errors.ts): Google's envelope wrapped in a one-element array, `[{"error": {code, message,
 * status, details?}}]`, pretty-printed, with the HTTP status of `code`; the `openai` client then
 * finds no `error` key (old clients say "400 status code (no body)", 7.x prints the array as JSON
 * and leaves `code` unset). A failure mid-stream is one
 * `data: {"error": {…}}` event. Statuses: 400 (body, key, rules), 403 (no key, cachedContent),
 * 404 (model, path), 429/500/503/504 (directives), as the native API.
 *
 * Chat request (chat-schema.ts, chat-request.ts, chat-messages.ts, reasoning.ts): the body is read
 * into a proto first, so an unknown field at any depth is "Invalid JSON payload received. Unknown
 * name \"x\": Cannot find field." (` at 'messages[0]'` below the top), a wrong type "Invalid value
 * at 'temperature' (TYPE_FLOAT), \"hot\"", all problems in one message with a BadRequest detail.
 * Accepted: model (with or without `models/`), messages (system, developer, user, assistant, tool;
 * content a string or parts `text`, `image_url` with a base64 data: URL, `input_audio` {data,
 * format wav|mp3}; assistant `tool_calls` and `extra_content.google.thought_signature`; tool
 * `tool_call_id`), stream, stream_options.include_usage, temperature, top_p, n, max_tokens,
 * max_completion_tokens, stop, seed, presence_penalty, frequency_penalty, tools (type function),
 * tool_choice (none, auto, required, named), response_format (text, json_object, json_schema),
 * reasoning_effort, user, parallel_tool_calls, and `extra_body: {google: {thinking_config:
 * {thinking_budget, thinking_level, include_thoughts}, cached_content}}` (the literal `extra_body`
 * key the clients put on the wire; a top-level `google` is refused, free-claude-code#542). Then
 * the semantic checks (bullets `* ChatCompletionRequest.messages[2].role: …`), the model (native
 * 404 "models/X is not found for API version v1beta, or is not supported for generateContent…"),
 * and the translation to a native body, which the native validation and rules then judge exactly
 * as on the native route: the same 400s for ranges, penalties, candidate counts, thinking budgets
 * and levels, missing Gemini 3 thought signatures ("Function call is missing a thought_signature
 * in functionCall parts…"), and 403 for cached_content.
 *   reasoning_effort: none, low, medium, high → budget 0/1024/8192/24576 on 2.5 and other budget
 *   models, level LOW/MEDIUM/HIGH on Gemini 3 (none → MINIMAL on Flash, LOW on Pro); anything
 *   else, "minimal" included, is 400 "Invalid reasoning_effort: minimal. Valid values are: high,
 *   low, medium, none" (what the live endpoint answers, discuss.ai.google.dev/t/117875); with
 *   thinking_budget or thinking_level as well it is 400 (reasoning.ts).
 *
 * Generation is the native planner (native/answer-plans.ts, shared with the native route):
 * `#emulator` directives in the last user message, token counts, function calls, structured
 * output, thoughts, media echo lines and pacing behave as on the native API, and the same
 * conversation gets the same answer text from both.
 *
 * Chat response (chat-response.ts, chat-stream.ts, chat-choices.ts): keys sorted alphabetically,
 * unary pretty-printed, chunks compact (compat-json.ts). `id` is the native responseId, `model`
 * as requested, `created` in seconds, usage {completion_tokens = candidates, prompt_tokens,
 * total_tokens = native total, thoughts included, nothing itemised}. finish_reason: stop, length
 * (MAX_TOKENS), content_filter (SAFETY and other blocks); a unary tool-call answer says
 * tool_calls, a streamed one says stop. Tool calls: `{extra_content?: {google:
 * {thought_signature}}, function: {arguments, name}, id, type: "function"}`; streamed whole, one
 * per chunk, with no `index`. Every stream chunk repeats `"role": "assistant"` and the running
 * usage, and the stream ends `data: [DONE]`. Thought summaries (include_thoughts) lead the content
 * as `<thought>…</thought>`; streamed, their deltas are flagged `extra_content.google.thought`.
 * Gemini 3's text signature rides on `message.extra_content` (unary) or a last content-less delta.
 *
 * Models (models.ts): `{data: [{id: "models/…", object: "model", owned_by: "google"}], object:
 * "list"}`, every catalogue model, no `created`. Embeddings (embeddings.ts): native vectors,
 * `encoding_format` float or base64, `dimensions` 1–3072.
 *
 * Logging: every request is one log entry (model, prompt excerpt, status, outcome, chunks); a
 * client that leaves mid-stream ends it as `client_closed`.
 */
import type { HandlerOptions } from "@/lib/emulator/handler";
import type { RequestLogHandle } from "@/lib/emulator/log";
import type { Route } from "@/lib/emulator/routes";
import {
  EmulatorApiError,
  invalidKeyError,
  NO_KEY_MESSAGE,
} from "@/lib/emulator/validation/errors";
import { chatCompletions } from "./chat-completions";
import { createEmbeddings } from "./embeddings";
import { compatErrorResponse, toCompatError } from "./errors";
import { getCompatModel, listCompatModels } from "./models";

function compatKey(request: Request, url: URL): string {
  const auth = request.headers.get("authorization") ?? "";
  const bearer = /^Bearer\s+(.*)$/i.exec(auth)?.[1]?.trim() ?? "";
  return bearer || request.headers.get("x-goog-api-key") || url.searchParams.get("key") || "";
}

function authenticate(request: Request, url: URL, options: HandlerOptions): void {
  const key = compatKey(request, url);
  if (key.trim() === "") throw new EmulatorApiError(403, NO_KEY_MESSAGE);
  if (options.acceptKey && !options.acceptKey(key)) throw invalidKeyError();
}

async function dispatch(
  route: Extract<Route, { kind: "openai" }>,
  request: Request,
  url: URL,
  entry: RequestLogHandle,
  options: HandlerOptions,
): Promise<Response> {
  const { path, version } = route;
  const method = request.method;
  if (path === "chat/completions" && method === "POST") {
    return chatCompletions(request, url, version, entry, options);
  }
  if (path === "embeddings" && method === "POST") return createEmbeddings(request, version, entry);
  if (path === "models" && method === "GET") return listCompatModels(entry);
  if (path.startsWith("models/") && method === "GET") {
    return getCompatModel(path.slice("models/".length), version, entry);
  }
  throw new EmulatorApiError(404);
}

export async function serveOpenAI(
  route: Extract<Route, { kind: "openai" }>,
  request: Request,
  url: URL,
  entry: RequestLogHandle,
  options: HandlerOptions,
): Promise<Response> {
  try {
    authenticate(request, url, options);
    return await dispatch(route, request, url, entry, options);
  } catch (error) {
    // The handler logs a client that left as client_closed; leave that to it.
    if (request.signal.aborted) throw error;
    const apiError = toCompatError(error);
    entry.finish("error", apiError.status);
    return compatErrorResponse(apiError, entry.id);
  }
}
