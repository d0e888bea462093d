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
export interface BodyReply {
  id: number;
  body: Uint8Array<ArrayBuffer> | null;
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
    serialize: ({ id, rest, contents }: BodyRequest): BodyReply => {
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
