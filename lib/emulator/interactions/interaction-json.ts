/**
 * The Interaction resource as the service writes it: `id`, `status`, `usage`, `created`,
 * `updated`, `steps`, `object: "interaction"`, then `model` or `agent` and what this turn links
 * to. Request settings (tools, system instruction, generation config) are not echoed, as live
 * answers do not echo them. A create answers with the steps the model produced; a get with the
 * whole timeline of the turn, its `user_input` / `function_result` steps first (the May 2026
 * steps schema: "POST returns only model-generated steps; GET returns the full timeline").
 */
import type { JsonObject, JsonValue } from "@/lib/emulator/types";
import type { InteractionRecord } from "./interaction-record";

export interface JsonOptions {
  /** Put the turn's input steps before the output (GET). */
  timeline: boolean;
  /** `include_input=true`: the input as the create call normalised it. */
  input?: JsonValue;
}

export function interactionJson(record: InteractionRecord, options: JsonOptions): JsonObject {
  const body: JsonObject = { id: record.id, status: record.status };
  if (record.usage) body.usage = record.usage;
  body.created = record.created;
  body.updated = record.updated;
  body.steps = options.timeline
    ? [...record.inputSteps, ...record.outputSteps]
    : record.outputSteps;
  body.object = "interaction";
  if (record.model) body.model = record.model;
  if (record.agent) body.agent = record.agent;
  if (record.previousInteractionId) body.previous_interaction_id = record.previousInteractionId;
  if (record.errors.length > 0) body.errors = record.errors;
  if (record.continuationToken) body.continuation_token = record.continuationToken;
  if (options.input !== undefined) body.input = options.input;
  return body;
}
