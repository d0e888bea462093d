/**
 * The inspection log: the last requests the emulator served and how each ended. Tests read it to
 * prove what the wire cannot show from the client side, e.g. that an abort really closed the
 * upstream stream within a second.
 */

export type RequestOutcome = "pending" | "ok" | "error" | "client_closed" | "disconnected";

export interface RequestLogEntry {
  /** Also sent as the `x-emulator-request-id` response header. */
  id: string;
  method: string;
  path: string;
  /** The query string, without a key it may carry (`?stream=true&last_event_id=…`); "" if none. */
  query: string;
  /** Model id without `models/`, or null for routes that name none. */
  model: string | null;
  /** The start of the last user turn's text, directives included. */
  promptExcerpt: string | null;
  /** Epoch milliseconds (Date.now()). */
  startedAt: number;
  endedAt: number | null;
  outcome: RequestOutcome;
  /** HTTP status sent, or null if the client left before one was. */
  status: number | null;
  /** SSE events handed to the transport (streams only; 0 otherwise). */
  chunksSent: number;
}

export interface RequestLogHandle {
  readonly id: string;
  setModel(model: string): void;
  setPrompt(text: string): void;
  respond(status: number): void;
  chunk(): void;
  /** The first call wins: a cut connection stays `disconnected` even if the client then aborts. */
  finish(outcome: Exclude<RequestOutcome, "pending">, status?: number): void;
  readonly finished: boolean;
}

export const DEFAULT_LOG_CAPACITY = 200;
const EXCERPT_CHARS = 160;

export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];
  private sequence = 0;

  constructor(private readonly capacity = DEFAULT_LOG_CAPACITY) {}

  /** Oldest first; copies, so callers cannot rewrite history. */
  list(): RequestLogEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  get(id: string): RequestLogEntry | undefined {
    const entry = this.entries.find((candidate) => candidate.id === id);
    return entry ? { ...entry } : undefined;
  }

  clear(): void {
    this.entries.length = 0;
  }

  start(method: string, path: string, query = ""): RequestLogHandle {
    this.sequence += 1;
    const entry: RequestLogEntry = {
      id: `req-${this.sequence.toString().padStart(6, "0")}`,
      method,
      path,
      query,
      model: null,
      promptExcerpt: null,
      startedAt: Date.now(),
      endedAt: null,
      outcome: "pending",
      status: null,
      chunksSent: 0,
    };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
    return {
      id: entry.id,
      setModel: (model) => {
        entry.model = model;
      },
      setPrompt: (text) => {
        entry.promptExcerpt =
          text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
      },
      respond: (status) => {
        entry.status = status;
      },
      chunk: () => {
        entry.chunksSent += 1;
      },
      finish: (outcome, status) => {
        if (entry.outcome !== "pending") return;
        entry.outcome = outcome;
        entry.endedAt = Date.now();
        if (status !== undefined) entry.status = status;
      },
      get finished() {
        return entry.outcome !== "pending";
      },
    };
  }
}
