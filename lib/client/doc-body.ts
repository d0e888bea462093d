import type { PromptDocInput } from "@/lib/prompt";
import {
  type BodyAbort,
  type BodyReply,
  type BodyRequest,
  type BodySend,
  type BodyStore,
  createHeld,
} from "./doc-json";

type TurnInput = PromptDocInput["contents"][number];

/** The part of a Worker this module uses: tests pass one that runs in process. */
export interface WorkerLike {
  postMessage(message: BodyRequest | BodyStore | BodyAbort): void;
  addEventListener(type: "message", listener: (event: MessageEvent<BodyReply>) => void): void;
  addEventListener(type: "error", listener: () => void): void;
}

/** The document's JSON as UTF-8 (see `BodyReply`). */
type Body = Uint8Array<ArrayBuffer>;

/**
 * A prompt document as a request body, serialized in a worker. Every token count (each pause in
 * typing) and every run sends the whole conversation; for a long one, a megabyte, serializing it
 * and handing the string to `fetch` held the main thread for about 100 ms each time, and so each
 * keystroke that came then. Here only turns the worker hasn't seen cross to it (turns are never
 * changed in place: an edit makes a new object), it builds the JSON and encodes it, and the
 * bytes come back transferred, not copied.
 *
 * Without Worker support (Node, tests) the body is the document's JSON string, as before.
 */
export async function docBody(doc: PromptDocInput, signal?: AbortSignal): Promise<Body | string> {
  signal?.throwIfAborted();
  const reply = await workerClient()?.(doc);
  signal?.throwIfAborted();
  return (reply && "body" in reply ? reply.body : null) ?? JSON.stringify(doc);
}

/**
 * POST a prompt document to one of our endpoints. With a worker, the worker makes the body and
 * sends it too: handing a megabyte to `fetch` costs the calling thread tens of milliseconds,
 * which on the page is a keystroke that waits. The response arrives as usual, its body a stream
 * transferred from the worker. Without one, the page sends it, as `fetch` would.
 */
export async function sendDoc(
  url: string,
  doc: PromptDocInput,
  init: { accept: string; signal?: AbortSignal },
): Promise<Response> {
  const { signal } = init;
  signal?.throwIfAborted();
  const headers = { "content-type": "application/json", accept: init.accept };
  const reply = await workerClient()?.(doc, { url, headers }, signal);
  signal?.throwIfAborted();
  if (reply && "response" in reply) {
    const { body, ...meta } = reply.response;
    return new Response(body, meta);
  }
  if (reply && "unreachable" in reply) throw new TypeError(`Failed to fetch ${url}`);
  const body = (reply && "body" in reply ? reply.body : null) ?? JSON.stringify(doc);
  return fetch(url, { method: "POST", headers, body, signal });
}

type Client = ReturnType<typeof createBodyClient>;
let shared: Client | null | undefined;

const workerClient = (): Client | null => {
  shared ??= typeof Worker === "undefined" ? null : createBodyClient(startWorker());
  return shared;
};

/**
 * Starts the worker ahead of the first request, while the page is idle: started by the request
 * instead, loading it competes with drawing what the request changed (compare's Run all, four
 * runs at once, waited over 100 ms more for its first frame).
 */
export function prepareDocBody(): void {
  workerClient();
}

/** Characters of turns per message to the worker (see `BodyStore`). */
const BATCH_CHARS = 100_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** About how much a turn weighs in a message: its text, the bulk of any turn. */
const weight = (turn: TurnInput) =>
  turn.parts.reduce((n, part) => n + ("text" in part ? String(part.text).length : 100), 0);

const startWorker = (): WorkerLike =>
  new Worker(new URL("./doc-body-worker.ts", import.meta.url), { type: "module" });

/**
 * The page's side: gives each turn object an id, sends a turn only when the worker doesn't hold
 * it, and resolves each request with the worker's body (null if the worker failed).
 */
export function createBodyClient(worker: WorkerLike) {
  const ids = new WeakMap<TurnInput, number>();
  const waiting = new Map<number, (reply: BodyReply | null) => void>();
  const held = createHeld();
  let nextTurn = 0;
  let nextRequest = 0;
  let failed = false;

  worker.addEventListener("message", ({ data }) => {
    waiting.get(data.id)?.(data);
    waiting.delete(data.id);
  });
  // A worker that fails to load answers nothing: every body is made on the page instead.
  worker.addEventListener("error", () => {
    failed = true;
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  });

  /**
   * One request after the other, so that each one's turns, sent ahead in batches, are the ones
   * its request message finds in the worker.
   */
  let queue: Promise<unknown> = Promise.resolve();
  const request = async (
    doc: PromptDocInput,
    send?: BodySend,
    signal?: AbortSignal,
  ): Promise<BodyReply | null> => {
    const { contents, ...rest } = doc;
    const before = held.current();
    const ids = contents.map(idOf);
    const fresh = new Map<number, TurnInput>();
    contents.forEach((turn, i) => {
      const id = ids[i] as number;
      if (!before.has(id)) fresh.set(id, turn);
    });
    // Few new turns (a token count while typing, a run) go with the request. Many (the first
    // count of a long restored conversation) go ahead of it, a batch per task.
    let weighed = 0;
    for (const turn of fresh.values()) weighed += weight(turn);
    if (weighed > BATCH_CHARS) {
      let store: BodyStore["store"] = [];
      let size = 0;
      for (const [id, turn] of fresh) {
        store.push({ id, turn });
        size += weight(turn);
        if (size < BATCH_CHARS) continue;
        worker.postMessage({ store });
        store = [];
        size = 0;
        await nextTask();
        if (failed) return null;
      }
      if (store.length > 0) worker.postMessage({ store });
      fresh.clear();
    }
    held.advance(ids);
    nextRequest += 1;
    const id = nextRequest;
    const items = ids.map((turnId) => {
      const turn = fresh.get(turnId);
      fresh.delete(turnId);
      return turn === undefined ? { id: turnId } : { id: turnId, turn };
    });
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      worker.postMessage({ id, rest, contents: items, ...(send && { send }) });
      signal?.addEventListener("abort", () => worker.postMessage({ abort: id }), { once: true });
    });
  };

  const idOf = (turn: TurnInput): number => {
    let id = ids.get(turn);
    if (id === undefined) {
      nextTurn += 1;
      id = nextTurn;
      ids.set(turn, id);
    }
    return id;
  };

  return (doc: PromptDocInput, send?: BodySend, signal?: AbortSignal) => {
    if (failed) return Promise.resolve(null);
    const result = queue.then(() => (failed ? null : request(doc, send, signal)));
    queue = result;
    return result;
  };
}
