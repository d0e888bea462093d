/**
 * Stored interactions, one store per emulator instance (keyed by its HandlerOptions, of which each
 * instance has exactly one), so two emulators in one process never see each other's ids. Google
 * keeps interactions 1 day (free tier) or 55 days (paid); an in-memory emulator instead keeps the
 * newest 500 and drops the oldest finished ones first. Continuation states (a decode cut at the
 * per-request limit) are kept by token, whether or not their interaction was stored, because a
 * `store: false` client resumes by resending its input with the token.
 */
import type { HandlerOptions } from "@/lib/emulator/handler";
import type { InteractionRecord } from "./interaction-record";

export const MAX_STORED = 500;
const MAX_CONTINUATIONS = 200;

export class InteractionStore<Continuation = unknown> {
  private readonly records = new Map<string, InteractionRecord>();
  private readonly continuations = new Map<string, Continuation>();

  get(id: string): InteractionRecord | undefined {
    return this.records.get(id);
  }

  add(record: InteractionRecord): void {
    if (!record.stored) return;
    this.records.set(record.id, record);
    if (this.records.size > MAX_STORED) this.evict();
  }

  remove(id: string): boolean {
    return this.records.delete(id);
  }

  saveContinuation(token: string, state: Continuation): void {
    this.continuations.set(token, state);
    if (this.continuations.size > MAX_CONTINUATIONS) {
      const [oldest] = this.continuations.keys();
      if (oldest !== undefined) this.continuations.delete(oldest);
    }
  }

  /** A continuation is used once: the hop that resumes it issues its own token if it stops again. */
  takeContinuation(token: string): Continuation | undefined {
    const state = this.continuations.get(token);
    this.continuations.delete(token);
    return state;
  }

  private evict(): void {
    for (const [id, record] of this.records) {
      if (this.records.size <= MAX_STORED) return;
      if (record.finished) this.records.delete(id);
    }
    // Everything left is still running: drop the oldest anyway, as a full store must.
    for (const id of this.records.keys()) {
      if (this.records.size <= MAX_STORED) return;
      this.records.delete(id);
    }
  }
}

const stores = new WeakMap<HandlerOptions, InteractionStore>();

export function storeFor(options: HandlerOptions): InteractionStore {
  let store = stores.get(options);
  if (!store) {
    store = new InteractionStore();
    stores.set(options, store);
  }
  return store;
}
