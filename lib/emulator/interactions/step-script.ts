/**
 * Writes a run's step events in order: each step is started (`step.start` with the step's shell,
 * which may already carry content, as the live service's does), given deltas, and stopped before
 * the next one starts. Steps are numbered from 0 within the interaction.
 */
import type { JsonObject } from "@/lib/emulator/types";
import type { ScriptEvent } from "./interaction-run";

export class StepScript {
  readonly events: ScriptEvent[] = [];
  private index = -1;
  private openType: string | undefined;
  private last = 0;

  /** The type of the step now open, if any. */
  get open(): string | undefined {
    return this.openType;
  }

  /** The time of the latest event written. */
  get lastAtMs(): number {
    return this.last;
  }

  start(atMs: number, step: JsonObject, tokens = 0): void {
    this.stop(atMs);
    this.index += 1;
    this.openType = String(step.type);
    this.push(atMs, { index: this.index, step, event_type: "step.start" }, tokens);
  }

  delta(atMs: number, delta: JsonObject, tokens = 0): void {
    this.push(atMs, { index: this.index, delta, event_type: "step.delta" }, tokens);
  }

  stop(atMs: number): void {
    if (this.openType === undefined) return;
    this.push(atMs, { index: this.index, event_type: "step.stop" }, 0);
    this.openType = undefined;
  }

  private push(atMs: number, event: JsonObject, tokens: number): void {
    const at = Math.max(atMs, this.last);
    this.last = at;
    this.events.push(tokens > 0 ? { atMs: at, event, tokens } : { atMs: at, event });
  }
}
