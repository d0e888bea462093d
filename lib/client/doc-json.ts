import type { PromptDocInput } from "@/lib/prompt";

/**
 * The two sides of serializing prompt documents in a worker (doc-body.ts is the page's,
 * doc-body-worker.ts the worker's): the messages, and the rule both follow for which turns the
 * worker holds.
 */

/** What the page sends the worker: the document without its turns, and each turn by id. */
export interface BodyRequest {
  id: number;
  rest: Omit<PromptDocInput, "contents">;
  /** `turn` only when the worker doesn't hold that turn yet. */
  contents: { id: number; turn?: PromptDocInput["contents"][number] }[];
  /** Where the worker itself sends the body, instead of handing it back (see `BodyReply`). */
  send?: BodySend;
}

export interface BodySend {
  url: string;
  headers: Record<string, string>;
}

/** The page gave up on request `abort` (its signal fired): the worker's fetch is aborted. */
export interface BodyAbort {
  abort: number;
}

/**
 * Turns sent ahead of a request, a batch per task: one message with a megabyte of turns is a
 * structured clone of a megabyte on the page's main thread, tens of milliseconds at once.
 */
export interface BodyStore {
  store: { id: number; turn: PromptDocInput["contents"][number] }[];
}

/**
 * The document's JSON as UTF-8, or null when the worker lacked a turn (the page then serializes
 * it). Bytes rather than a Blob: they are transferred to the page without a copy, and the
 * browser's network tools show a body of bytes (DevTools, Playwright's `postData`), which they
 * did not show for the Blob this worker made.
 */
export type BodyReply =
  | BodyBytes
  /**
   * Sent by the worker: handing a megabyte to `fetch` holds the calling thread for tens of
   * milliseconds (Chromium copies it there), so the worker sends it, and the response comes
   * back with its body as a stream transferred to the page.
   */
  | { id: number; response: SentResponse }
  /** Sent by the worker, and no answer came back (network failure or abort). */
  | { id: number; unreachable: true };

export interface BodyBytes {
  id: number;
  body: Uint8Array<ArrayBuffer> | null;
}

export interface SentResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ReadableStream<Uint8Array> | null;
}

/**
 * The turns the worker holds: those of its last two requests (a token count and the run after
 * it share theirs). Both sides advance the same way at each request, so the page knows exactly
 * which turns it need not send again.
 */
export function createHeld() {
  let previous: number[] = [];
  let current = new Set<number>();
  return {
    current: () => current,
    advance(ids: number[]) {
      current = new Set([...previous, ...ids]);
      previous = ids;
    },
  };
}

/** The worker's side (doc-body-worker.ts runs it): each request's JSON, from the turns it holds. */
export function createBodySerializer() {
  const encoder = new TextEncoder();
  const turns = new Map<number, string>();
  const held = createHeld();
  const keep = (items: { id: number; turn?: PromptDocInput["contents"][number] }[]) => {
    for (const item of items) {
      if (item.turn !== undefined) turns.set(item.id, JSON.stringify(item.turn));
    }
  };
  return {
    store: ({ store }: BodyStore) => keep(store),
    serialize: ({ id, rest, contents }: BodyRequest): BodyBytes => {
      keep(contents);
      const parts = contents.map((item) => turns.get(item.id));
      held.advance(contents.map((item) => item.id));
      const kept = held.current();
      for (const turn of turns.keys()) if (!kept.has(turn)) turns.delete(turn);
      // Never expected; the page then serializes the document itself.
      if (parts.includes(undefined)) return { id, body: null };
      const others = JSON.stringify(rest);
      const tail = others === "{}" ? "]}" : `],${others.slice(1)}`;
      return { id, body: encoder.encode(`{"contents":[${parts.join(",")}${tail}`) };
    },
  };
}

type Post = (reply: BodyReply, transfer: Transferable[]) => void;

/**
 * The worker's whole side (doc-body-worker.ts gives it `postMessage`): turns kept, bodies made,
 * and, for a request that says where, the body sent from here and the response handed back.
 */
export function createBodyWorker(post: Post, fetchImpl: typeof fetch = fetch) {
  const serializer = createBodySerializer();
  const sending = new Map<number, AbortController>();

  const send = async (id: number, where: BodySend, body: Uint8Array<ArrayBuffer>) => {
    const abort = new AbortController();
    sending.set(id, abort);
    try {
      const response = await fetchImpl(where.url, {
        method: "POST",
        headers: where.headers,
        body,
        signal: abort.signal,
      });
      // Forgotten once the body has been read to its end (or cancelled by the page).
      const forget = () => {
        sending.delete(id);
      };
      const stream =
        response.body?.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({ flush: forget }),
        ) ?? null;
      if (!stream) forget();
      const { status, statusText } = response;
      post({ id, response: { status, statusText, headers: [...response.headers], body: stream } }, [
        ...(stream ? [stream] : []),
      ]);
    } catch {
      sending.delete(id);
      post({ id, unreachable: true }, []);
    }
  };

  return (message: BodyRequest | BodyStore | BodyAbort) => {
    if ("store" in message) return serializer.store(message);
    if ("abort" in message) {
      sending.get(message.abort)?.abort();
      sending.delete(message.abort);
      return;
    }
    const reply = serializer.serialize(message);
    if (message.send && reply.body) return void send(message.id, message.send, reply.body);
    // Handed over, not copied: no structured clone of a megabyte on the page's side.
    post(reply, reply.body ? [reply.body.buffer] : []);
  };
}
