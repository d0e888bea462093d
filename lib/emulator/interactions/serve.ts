/**
 * The Interactions API, emulated: `/v1beta/interactions…` and `/v1/interactions…` (any mount
 * prefix), the surface `ai.interactions` of @google/genai 3.x calls (its `create`, `get`, `cancel`
 * and `delete`, with the snake_case bodies and `steps` schema the SDK's genai.d.ts types). It is a
 * translation over the native emulator, as the real service sits over the same models: an
 * interaction's conversation becomes a generateContent request, planned by the same code
 * (native/answer-plans.ts, which generateContent and the OpenAI-compatible door use too), so a
 * prompt gets the same words, tokens, function calls, JSON, thoughts, media and echo lines through
 * every door, and `#emulator` directives work the same.
 *
 * Routes (the API key is checked first, by handler.ts, in the generateContent envelope):
 *   POST   interactions                 create (unary, `stream: true`, `background: true`)
 *   GET    interactions/{id}            the stored interaction; `?include_input=true` adds `input`;
 *          `?stream=true[&last_event_id=E]` its event log as SSE, from after event E, then live
 *   POST   interactions/{id}/cancel     stop a running background interaction: `cancelled`
 *   DELETE interactions/{id}            forget it (`{}`); a running background run is not stopped
 *
 * Create body: read strictly against the SDK's types (interaction-fields.ts): an unknown field, a
 * wrong JSON type, an unknown `type` of a content block, step, tool or format, bad base64, is 400,
 * every problem on its own line in Google's JSON front-end words (`Invalid JSON payload received.
 * Unknown name "x" at 'generation_config': Cannot find field.`, `Invalid value at
 * 'generation_config.temperature' (TYPE_FLOAT), "hot"`). Then: exactly one of `model` / `agent`;
 * `agent_config` only with an agent; `background` needs `store`; `input` unless resuming a decode.
 * `input` is a string, a content block, a list of blocks (one user turn), or a list of steps
 * (`user_input`, `model_output`, `thought`, `function_call`, `function_result`, tool steps) that
 * replays a conversation statelessly. Text, image, audio, document and video blocks become parts
 * (`data` inline, `uri` a Files API file); a `function_result` whose `call_id` no earlier
 * `function_call` issued is 400. native-request.ts maps the settings (system_instruction,
 * generation_config incl. thinking_level / thinking_summaries / tool_choice / speech_config,
 * response_format text/image/audio, tools: function, google_search, code_execution, url_context,
 * google_maps, file_search, computer_use; mcp_server and retrieval are 501 here).
 *
 * Errors use this API's envelope, `{"error": {"message": "…", "code": "invalid_request"}}`
 * (interaction-errors.ts: only that code is confirmed live; the others are Google's status names
 * in lower case), and SSE `error` events carry the same pair. Unknown model 404 (`models/X is not
 * found for API version v1beta, or is not supported for CreateInteraction…`), unknown agent 404,
 * unknown interaction 404 "Requested entity was not found.", `previous_interaction_id` the
 * emulator does not hold (never stored, `store: false`, deleted) 404 "previous_interaction_id not
 * found", a previous interaction still running 400. The model's own rules answer in their words
 * (thinking: "Thinking level MINIMAL is not supported for this model.", maxOutputTokens range,
 * Gemini 3's missing thought signature, an unreadable image, a missing cache or File Search store).
 *
 * The Interaction: `id` (`v1_` + base64url of a small protobuf, as live), `status`, `usage`
 * (`total_input_tokens`, `total_output_tokens`, `total_thought_tokens`, `total_tool_use_tokens`,
 * `total_tokens`, `*_by_modality`: generateContent's counts; input is the whole conversation),
 * `created` / `updated` (ISO seconds), `steps`, `object: "interaction"`, `model` or `agent`,
 * `previous_interaction_id`, `errors`, `continuation_token`. A create returns the model's steps; a
 * get the whole turn, its `user_input` / `function_result` steps first. Steps, in order:
 * `thought` (`signature`; `summary` when `thinking_summaries: "auto"`), tool call/result pairs
 * (`google_search_*`, `url_context_*`, `google_maps_*`, `code_execution_*`), `function_call`
 * (`id`, `name`, `arguments`), `model_output` (text with `url_citation` / `place_citation`
 * annotations at UTF-8 byte offsets, images, audio). Status: `completed`; `requires_action` with
 * function calls; `incomplete` at MAX_TOKENS; `failed` (with `errors`) for a blocked prompt, any
 * other finish reason, or an injected error; `cancelled`; `requires_continuation`.
 *
 * Streams (interaction-stream.ts): `event: <type>` / `data: <json>` frames, every event with an
 * `event_id`: `interaction.created` (status `in_progress`), `interaction.status_update`, then per
 * step `step.start` (the step's shell; a model_output's first text; a function_call with empty
 * `arguments`), `step.delta` (`text`, `thought_summary`, `thought_signature`, `arguments_delta`
 * (the arguments as a JSON string), `code_execution_call` / `_result`, `google_search_call` /
 * `_result`, `url_context_*`, `google_maps_*`, `image`, `audio`, `text_annotation_delta`),
 * `step.stop`; then `interaction.completed` (status, usage) or `error`; then `event: done` /
 * `data: [DONE]`. Chunking and pacing are generateContent's (`chunk=`, `rate=`, `thoughts=`).
 * Every stored interaction keeps its event log: `GET ?stream=true` replays it from the start or
 * from after `last_event_id` (which needs `stream=true`; an id it did not issue is 400) and then
 * follows the run live until it ends.
 *
 * State (interaction-store.ts, one store per emulator instance, newest 500 kept): `store` (default
 * true) keeps an interaction; `previous_interaction_id` continues it, its conversation (history,
 * input, output as native contents, thought signatures on the parts they sign) becoming the
 * history of the next request; tools, system instruction and config are per interaction, as
 * Google documents. `store: false` keeps nothing (get 404, not continuable).
 *
 * Runs (interaction-run.ts): a foreground interaction is bound to its connection: a client that
 * leaves (or `disconnect=N` cut) abandons the run and nothing is kept, as Google drops it. A
 * background one (`background: true`, needs `store`) answers `in_progress` at once (JSON, or a
 * stream the client may leave), runs on the emulator's own timers, paced like a stream, and
 * completes later; get shows it growing; cancel stops it where it is (open steps stopped, status
 * `cancelled`, usage so far). Directives: `delay=` waits before answering (inside a background
 * run), `error=` fails the call (a background run as `failed`), `after=N` lets N chunks through
 * first (streams and background runs), `disconnect=N` cuts after N events.
 *
 * Long decodes (model-interaction.ts): a foreground request decodes at most 8192 output tokens,
 * then completes as `requires_continuation` with a `continuation_token`; the SDK's automatic
 * continuation sends the token back (with `previous_interaction_id`, or the input again when
 * `store: false`) and each hop, a new interaction, resumes where the last stopped, so the merged
 * answer equals generateContent's. Background runs never stop there.
 *
 * The Deep Research agents (`deep-research-preview-04-2026`, `deep-research-max-preview-04-2026`,
 * `deep-research-pro-preview-12-2025`; agent-interaction.ts, deep-research.ts) need `background:
 * true` ("Agents are required to use background=true"), refuse `system_instruction` and
 * `generation_config`, take `agent_config` (`thinking_summaries`, `collaborative_planning`), and
 * run for about two seconds: an optional plan thought, three searches, the pages read, a Python
 * analysis, then a cited report. `collaborative_planning: true` answers a plan to approve. Other
 * agents (Antigravity) are 501.
 *
 * Log: every call is an entry (model or agent, the last user turn as prompt, SSE events as
 * chunks; a create's stream ends `ok`, `error`, `client_closed` or `disconnected`).
 */
import type { HandlerOptions } from "@/lib/emulator/handler";
import type { RequestLogHandle } from "@/lib/emulator/log";
import type { Route } from "@/lib/emulator/routes";
import { createAgentInteraction } from "./agent-interaction";
import { contextFor, type InteractionsContext, ok } from "./interaction-context";
import {
  badRequest,
  errorResponse,
  InteractionsError,
  notFound,
  toInteractionsError,
} from "./interaction-errors";
import { interactionJson } from "./interaction-json";
import type { InteractionRecord } from "./interaction-record";
import { readCreateRequest } from "./interaction-request";
import { eventStreamResponse } from "./interaction-stream";
import { createModelInteraction } from "./model-interaction";

const NOT_FOUND = "Requested entity was not found.";

export async function serveInteractions(
  route: Extract<Route, { kind: "interactions" }>,
  request: Request,
  url: URL,
  entry: RequestLogHandle,
  options: HandlerOptions,
): Promise<Response> {
  const context = contextFor(request, url, route.version, entry, options);
  try {
    return await dispatch(route.path, context);
  } catch (error) {
    if (request.signal.aborted) {
      entry.finish("client_closed");
      throw request.signal.reason ?? error;
    }
    const known = toInteractionsError(error);
    if (!known) console.error("Gemini emulator: unexpected failure (interactions)", error);
    const answer = known ?? new InteractionsError(500, "An internal error has occurred.");
    entry.finish("error", answer.status);
    return errorResponse(answer, entry.id);
  }
}

async function dispatch(path: string, context: InteractionsContext): Promise<Response> {
  const method = context.request.method;
  if (path === "" && method === "POST") {
    const request = await readCreateRequest(context.request);
    context.log.setModel(request.model ?? request.agent ?? "");
    return request.agent !== undefined
      ? createAgentInteraction(context, request)
      : createModelInteraction(context, request);
  }
  const match = /^\/([^/]+)(\/cancel)?$/.exec(path);
  const id = match?.[1];
  if (!id) throw notFound(NOT_FOUND);
  if (match?.[2]) {
    if (method !== "POST") throw notFound(NOT_FOUND);
    return cancel(context, find(context, id));
  }
  if (method === "GET") return get(context, find(context, id));
  if (method === "DELETE") {
    const record = find(context, id);
    context.store.remove(record.id);
    return ok(context, {});
  }
  throw notFound(NOT_FOUND);
}

function find(context: InteractionsContext, id: string): InteractionRecord {
  const record = context.store.get(id);
  if (!record) throw notFound(NOT_FOUND);
  context.log.setModel(record.model ?? record.agent ?? "");
  return record;
}

function flag(value: string | null): boolean {
  return value === "true" || value === "1";
}

function get(context: InteractionsContext, record: InteractionRecord): Response {
  const query = context.url.searchParams;
  const stream = flag(query.get("stream"));
  const lastEventId = query.get("last_event_id");
  if (lastEventId && !stream) {
    throw badRequest("last_event_id can only be used if stream is true.");
  }
  if (stream) {
    let from = 0;
    if (lastEventId) {
      const index = record.events.findIndex((event) => event.event_id === lastEventId);
      if (index < 0) throw badRequest(`Invalid last_event_id "${lastEventId}": no such event.`);
      from = index + 1;
    }
    return eventStreamResponse(record, { from, signal: context.signal, log: context.log });
  }
  const includeInput = flag(query.get("include_input"));
  return ok(
    context,
    interactionJson(record, { timeline: true, ...(includeInput && { input: record.inputSteps }) }),
  );
}

function cancel(context: InteractionsContext, record: InteractionRecord): Response {
  if (!record.background) {
    throw badRequest("Only background interactions can be cancelled.");
  }
  if (record.finished || !record.run?.cancel()) {
    throw badRequest(`Interaction ${record.id} is not in progress (status ${record.status}).`);
  }
  return ok(context, interactionJson(record, { timeline: true }));
}
