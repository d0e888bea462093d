/**
 * Runs a script of step events onto an interaction over time: `interaction.created` and the
 * `in_progress` status update at once, then each step event at its planned time (paced like a
 * stream: `rate=`, `delay=`, an agent's research steps), then `interaction.completed` (or an
 * `error` event). A background run lives on its own timers, so it survives the request that
 * started it; a connection-bound run is abandoned when its client leaves. `cancel()` stops a run
 * where it is: open steps are stopped and the interaction completes as `cancelled`.
 */
import type { JsonObject } from "@/lib/emulator/types";
import { timestamp } from "./interaction-ids";
import type { InteractionRecord, RunControl } from "./interaction-record";

export interface ScriptEvent {
  /** Milliseconds after the run starts. */
  atMs: number;
  /** A `step.start`, `step.delta` or `step.stop` event, `index` numbering the record's steps. */
  event: JsonObject;
  /** Output tokens this event adds (for the usage of a cancelled run). */
  tokens?: number;
}

export interface ScriptEnd {
  atMs: number;
  status: string;
  usage?: JsonObject;
  /** For `failed`: an `error` event instead of `interaction.completed`. */
  error?: JsonObject;
  /** Diagnostic errors recorded on a completed-but-failed interaction (blocked, SAFETY). */
  errors?: JsonObject[];
  continuationToken?: string;
}

export interface Script {
  events: ScriptEvent[];
  end: ScriptEnd;
  /** Usage of a run cancelled after `tokens` output tokens. */
  usageAt?(tokens: number): JsonObject;
}

type Timer = ReturnType<typeof setTimeout>;

/** Unreferenced, so a pending background run never keeps a process alive on its own. */
function later(callback: () => void, ms: number): Timer {
  const timer = setTimeout(callback, Math.max(0, ms));
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

export class InteractionRun implements RunControl {
  readonly done: Promise<void>;
  private resolve: () => void = () => undefined;
  private timer: Timer | undefined;
  private next = 0;
  private tokens = 0;
  private stopped = false;
  private startedAt = 0;

  constructor(
    private readonly record: InteractionRecord,
    private readonly script: Script,
  ) {
    this.done = new Promise((resolve) => {
      this.resolve = resolve;
    });
    record.run = this;
  }

  /**
   * Appends the lifecycle events at once and schedules the rest. A background run takes its first
   * step on a later tick, so the create call always answers it `in_progress`.
   */
  start(): void {
    this.startedAt = performance.now();
    this.record.append({
      interaction: this.record.lifecycle(),
      event_type: "interaction.created",
    });
    this.record.append({
      interaction_id: this.record.id,
      status: "in_progress",
      event_type: "interaction.status_update",
    });
    if (this.record.background) this.timer = later(this.tick, 0);
    else this.tick();
  }

  /** Stops a running interaction as `cancelled`; false if it had already ended. */
  cancel(): boolean {
    if (this.stopped) return false;
    this.halt();
    for (const index of this.record.openSteps()) {
      this.record.append({ index, event_type: "step.stop" });
    }
    const usage = this.script.usageAt?.(this.tokens);
    this.complete({ status: "cancelled", ...(usage && { usage }) });
    this.resolve();
    return true;
  }

  /** The client of a connection-bound run left: nothing more is produced or stored. */
  abandon(): void {
    if (this.stopped) return;
    this.halt();
    this.record.end();
    this.resolve();
  }

  private halt(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private tick = (): void => {
    if (this.stopped) return;
    const elapsed = performance.now() - this.startedAt;
    const { events, end } = this.script;
    for (;;) {
      const item = events[this.next];
      if (!item || item.atMs > elapsed) break;
      this.emit(item);
      this.next += 1;
    }
    const item = events[this.next];
    if (item) {
      this.timer = later(this.tick, item.atMs - elapsed);
      return;
    }
    if (end.atMs > elapsed) {
      this.timer = later(this.tick, end.atMs - elapsed);
      return;
    }
    this.stopped = true;
    this.finish(end);
    this.resolve();
  };

  private emit(item: ScriptEvent): void {
    this.record.append(item.event);
    this.tokens += item.tokens ?? 0;
  }

  private finish(end: ScriptEnd): void {
    if (end.error) {
      this.record.append({ error: end.error, event_type: "error" });
      return;
    }
    this.complete({
      status: end.status,
      ...(end.usage && { usage: end.usage }),
      ...(end.errors?.length && { errors: end.errors }),
      ...(end.continuationToken && { continuation_token: end.continuationToken }),
    });
  }

  private complete(fields: JsonObject): void {
    this.record.updated = timestamp();
    this.record.append({
      interaction: this.record.lifecycle(fields),
      event_type: "interaction.completed",
    });
  }
}
