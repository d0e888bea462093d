/**
 * One interaction as the emulator holds it: what was asked (the turn's input steps and the native
 * contents they became), the conversation before it, and its event log. Every event a run
 * produces is appended here with its `event_id`; status, usage, errors and steps are read off that
 * log, so a stream, a resumed stream, a poll and a unary answer all tell the same story.
 */
import type { JsonObject, JsonValue, WireContent } from "@/lib/emulator/types";
import { eventId, timestamp } from "./interaction-ids";
import { StepFold } from "./interaction-steps";
import { isObject } from "./schema-walk";

export interface RecordInit {
  id: string;
  model?: string;
  agent?: string;
  previousInteractionId?: string;
  background: boolean;
  /** `store: false` interactions live only as long as the request that made them. */
  stored: boolean;
  /** The turn's input as steps (`user_input`, `function_result`, …), for the timeline. */
  inputSteps: JsonObject[];
  /** The native conversation before this turn, and this turn's input as native contents. */
  history: WireContent[];
  turn: WireContent[];
}

/** What a run can be asked to do from outside: stop and say so. */
export interface RunControl {
  cancel(): boolean;
}

const TERMINAL_EVENTS = new Set(["interaction.completed", "error"]);

export class InteractionRecord {
  readonly id: string;
  readonly model?: string;
  readonly agent?: string;
  readonly previousInteractionId?: string;
  readonly background: boolean;
  readonly stored: boolean;
  readonly inputSteps: JsonObject[];
  readonly history: WireContent[];
  readonly turn: WireContent[];
  readonly created: string;
  updated: string;
  status = "in_progress";
  usage?: JsonObject;
  errors: JsonObject[] = [];
  continuationToken?: string;
  readonly events: JsonObject[] = [];
  /** No event will follow: the log ended with a terminal event, or its run was abandoned. */
  finished = false;
  run?: RunControl;
  private readonly fold = new StepFold();
  private wake: (() => void)[] = [];

  constructor(init: RecordInit) {
    this.id = init.id;
    if (init.model) this.model = init.model;
    if (init.agent) this.agent = init.agent;
    if (init.previousInteractionId) this.previousInteractionId = init.previousInteractionId;
    this.background = init.background;
    this.stored = init.stored;
    this.inputSteps = init.inputSteps;
    this.history = init.history;
    this.turn = init.turn;
    this.created = timestamp();
    this.updated = this.created;
  }

  get outputSteps(): JsonObject[] {
    return this.fold.steps.filter(isObject);
  }

  openSteps(): number[] {
    return this.fold.openSteps();
  }

  /** Appends `event` (its `event_type` last, as the service orders it) with the next event id. */
  append(event: JsonObject): JsonObject {
    if (this.finished) return event;
    const stamped: JsonObject = { ...event, event_id: eventId(this.id, this.events.length + 1) };
    this.events.push(stamped);
    this.fold.apply(stamped);
    this.observe(stamped);
    this.notify();
    return stamped;
  }

  /** No more events: a connection-bound run whose client left. */
  end(): void {
    this.finished = true;
    this.notify();
  }

  /** Resolves at the next append or at the end. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.wake.push(resolve));
  }

  /** The interaction as lifecycle events carry it (`InteractionSseEventInteraction`). */
  lifecycle(extra: JsonObject = {}): JsonObject {
    const body: JsonObject = { id: this.id, status: this.status };
    Object.assign(body, extra);
    body.created = this.created;
    body.updated = this.updated;
    body.object = "interaction";
    if (this.model) body.model = this.model;
    if (this.agent) body.agent = this.agent;
    return body;
  }

  private observe(event: JsonObject): void {
    const type = String(event.event_type);
    if (type === "interaction.status_update" && typeof event.status === "string") {
      this.status = event.status;
    }
    if (type === "interaction.completed" && isObject(event.interaction)) {
      const interaction = event.interaction;
      if (typeof interaction.status === "string") this.status = interaction.status;
      if (isObject(interaction.usage)) this.usage = interaction.usage;
      if (typeof interaction.continuation_token === "string") {
        this.continuationToken = interaction.continuation_token;
      }
      this.errors.push(...errorList(interaction.errors));
    }
    if (type === "error") {
      this.status = "failed";
      if (isObject(event.error)) this.errors.push(event.error);
    }
    if (TERMINAL_EVENTS.has(type)) {
      this.updated = timestamp();
      this.finished = true;
    }
  }

  private notify(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const resolve of waiting) resolve();
  }
}

function errorList(value: JsonValue | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
