/**
 * Steps rebuilt from the events that stream them, the way a client accumulates `step.start`,
 * `step.delta` and `step.stop`. The stored interaction is this fold of its own event log, so what
 * `GET interactions/{id}` shows at any moment, and what a unary create answers, always equals what
 * a stream of the same interaction carried.
 */
import type { JsonObject, JsonValue } from "@/lib/emulator/types";
import { isObject } from "./schema-walk";

function clone<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

function lastOf(list: JsonValue | undefined): JsonObject | undefined {
  if (!Array.isArray(list)) return undefined;
  const last = list.at(-1);
  return isObject(last) ? last : undefined;
}

function pushTo(step: JsonObject, key: string, item: JsonValue): void {
  const list = Array.isArray(step[key]) ? (step[key] as JsonValue[]) : [];
  list.push(item);
  step[key] = list;
}

export class StepFold {
  readonly steps: JsonObject[] = [];
  /** `arguments_delta` text per open function_call step, parsed when the step stops. */
  private readonly argumentText = new Map<number, string>();
  private readonly open = new Set<number>();

  /** The indices of steps started and not yet stopped. */
  openSteps(): number[] {
    return [...this.open].sort((a, b) => a - b);
  }

  apply(event: JsonObject): void {
    const index = typeof event.index === "number" ? event.index : -1;
    switch (event.event_type) {
      case "step.start":
        if (isObject(event.step)) {
          this.steps[index] = clone(event.step);
          this.open.add(index);
        }
        return;
      case "step.delta": {
        const step = this.steps[index];
        if (step && isObject(event.delta)) this.delta(index, step, event.delta);
        return;
      }
      case "step.stop":
        this.stop(index);
        return;
    }
  }

  private delta(index: number, step: JsonObject, delta: JsonObject): void {
    switch (delta.type) {
      case "text": {
        const last = lastOf(step.content);
        if (last?.type === "text" && typeof last.text === "string") {
          last.text += String(delta.text ?? "");
        } else {
          pushTo(step, "content", { type: "text", text: String(delta.text ?? "") });
        }
        return;
      }
      case "audio": {
        // Streamed speech arrives in one-second pieces of whole base64 quanta: one audio block.
        const last = lastOf(step.content);
        const joinable =
          last?.type === "audio" &&
          last.mime_type === delta.mime_type &&
          typeof last.data === "string" &&
          typeof delta.data === "string" &&
          !last.data.endsWith("=");
        if (joinable) last.data = String(last.data) + String(delta.data);
        else pushTo(step, "content", clone(delta));
        return;
      }
      case "image":
      case "video":
      case "document":
        pushTo(step, "content", clone(delta));
        return;
      case "text_annotation_delta": {
        const last = lastOf(step.content);
        if (!last || !Array.isArray(delta.annotations)) return;
        const annotations = Array.isArray(last.annotations) ? last.annotations : [];
        last.annotations = [...annotations, ...clone(delta.annotations)];
        return;
      }
      case "thought_summary": {
        if (!isObject(delta.content)) return;
        const last = lastOf(step.summary);
        if (last?.type === "text" && delta.content.type === "text") {
          last.text = String(last.text ?? "") + String(delta.content.text ?? "");
        } else {
          pushTo(step, "summary", clone(delta.content));
        }
        return;
      }
      case "thought_signature":
        if (typeof delta.signature === "string") step.signature = delta.signature;
        return;
      case "arguments_delta":
        this.argumentText.set(
          index,
          (this.argumentText.get(index) ?? "") + String(delta.arguments ?? ""),
        );
        return;
      case "code_execution_result": {
        step.result = String(step.result ?? "") + String(delta.result ?? "");
        if (delta.is_error === true) step.is_error = true;
        if (typeof delta.signature === "string") step.signature = delta.signature;
        return;
      }
      case "google_search_result":
      case "google_maps_result":
      case "url_context_result": {
        const before = Array.isArray(step.result) ? step.result : [];
        step.result = [...before, ...(Array.isArray(delta.result) ? clone(delta.result) : [])];
        if (delta.is_error === true) step.is_error = true;
        if (typeof delta.signature === "string") step.signature = delta.signature;
        return;
      }
      case "code_execution_call":
      case "google_search_call":
      case "google_maps_call":
      case "url_context_call":
        if (isObject(delta.arguments)) step.arguments = clone(delta.arguments);
        if (typeof delta.signature === "string") step.signature = delta.signature;
        return;
    }
  }

  private stop(index: number): void {
    this.open.delete(index);
    const step = this.steps[index];
    const text = this.argumentText.get(index);
    if (!step || text === undefined) return;
    this.argumentText.delete(index);
    try {
      const parsed: unknown = JSON.parse(text);
      if (isObject(parsed)) step.arguments = parsed;
    } catch {
      // A stream cut inside the arguments leaves them as the start event gave them.
    }
  }
}
