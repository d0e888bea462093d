import type { PromptDocInput } from "@/lib/prompt";
import { type BodyReply, type BodyRequest, type BodyStore, createHeld } from "./doc-json";

type TurnInput = PromptDocInput["contents"][number];

/** The part of a Worker this module uses: tests pass one that runs in process. */
export interface WorkerLike {
  postMessage(message: BodyRequest | BodyStore): void;
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
  shared ??= typeof Worker === "undefined" ? null : createBodyClient(startWorker());
  const body = shared ? await shared(doc) : null;
  signal?.throwIfAborted();
  return body ?? JSON.stringify(doc);
}

let shared: ((doc: PromptDocInput) => Promise<Body | null>) | null | undefined;

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
export function createBodyClient(
  worker: WorkerLike,
): (doc: PromptDocInput) => Promise<Body | null> {
  const ids = new WeakMap<TurnInput, number>();
  const waiting = new Map<number, (body: Body | null) => void>();
  const held = createHeld();
  let nextTurn = 0;
  let nextRequest = 0;
  let failed = false;

  worker.addEventListener("message", ({ data }) => {
    waiting.get(data.id)?.(data.body);
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
  const send = async (doc: PromptDocInput): Promise<Body | null> => {
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
      worker.postMessage({ id, rest, contents: items });
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

  return (doc) => {
    if (failed) return Promise.resolve(null);
    const result = queue.then(() => (failed ? null : send(doc)));
    queue = result;
    return result;
  };
}
