import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBodyClient, docBody, type WorkerLike } from "@/lib/client/doc-body";
import {
  type BodyReply,
  type BodyRequest,
  type BodyStore,
  createBodyWorker,
} from "@/lib/client/doc-json";
import { emptyPromptDoc, type PromptDoc, type Turn, userTextTurn } from "@/lib/prompt";

function turn(i: number): Turn {
  return { ...userTextTurn(`Turn ${i} ${"words ".repeat(50)}`), role: i % 2 ? "model" : "user" };
}

function conversation(turns: Turn[]): PromptDoc {
  return {
    ...emptyPromptDoc("gemini-2.5-flash"),
    systemInstruction: 'Say "hi" \\ politely, en français 👋.',
    config: { temperature: 0.4 },
    contents: turns,
  };
}

/** The worker, run in process: each message goes through the real worker side, a task later. */
function inProcessWorker(fetchImpl?: typeof fetch) {
  const sent: BodyRequest[] = [];
  const stored: BodyStore[] = [];
  const aborted: number[] = [];
  const listeners: { message?: (e: MessageEvent<BodyReply>) => void; error?: () => void } = {};
  const handle = createBodyWorker(
    (reply) => setTimeout(() => listeners.message?.({ data: reply } as MessageEvent<BodyReply>), 0),
    fetchImpl,
  );
  const worker: WorkerLike = {
    postMessage(message) {
      if ("store" in message) stored.push(structuredClone(message));
      else if ("abort" in message) aborted.push(message.abort);
      else sent.push(structuredClone(message));
      handle(structuredClone(message));
    },
    addEventListener(type: "message" | "error", listener: never) {
      listeners[type] = listener;
    },
  };
  return { worker, sent, stored, aborted, fail: () => listeners.error?.() };
}

/** The body as the server reads it: UTF-8 JSON. */
const json = (reply: BodyReply | null) => {
  const body = reply && "body" in reply ? reply.body : null;
  return (body ? JSON.parse(new TextDecoder().decode(body)) : null) as unknown;
};
const sameJson = (doc: PromptDoc) => JSON.parse(JSON.stringify(doc)) as unknown;

describe("prompt documents serialized in a worker (lib/client/doc-body)", () => {
  it("gives the document's JSON", async () => {
    const request = createBodyClient(inProcessWorker().worker);
    const doc = conversation([turn(0), turn(1), turn(2)]);
    const body = await request(doc);
    expect(json(body)).toEqual(sameJson(doc));
    const empty = { ...doc, contents: [] };
    expect(json(await request(empty))).toEqual(sameJson(empty));
  });

  it("sends each turn to the worker once while the conversation grows", async () => {
    const { worker, sent } = inProcessWorker();
    const request = createBodyClient(worker);
    let turns = [turn(0), turn(1)];
    for (let i = 2; i < 12; i++) {
      // A token count, then the run with one more turn, then its answer joins.
      const doc = conversation(turns);
      expect(json(await request(doc))).toEqual(sameJson(doc));
      turns = [...turns, turn(i)];
    }
    const crossings = sent.flatMap((m) => m.contents.filter((c) => c.turn !== undefined));
    expect(crossings).toHaveLength(11);
  });

  it("stays exact when turns come and go (edits, deletes, a new conversation)", async () => {
    const { worker, sent } = inProcessWorker();
    const request = createBodyClient(worker);
    const base = Array.from({ length: 6 }, (_, i) => turn(i));
    const docs = [
      conversation(base),
      conversation(base.with(2, turn(100))),
      conversation(base.filter((_, i) => i !== 4)),
      conversation([turn(200), turn(201)]),
      conversation(base),
      conversation(base),
    ];
    for (const doc of docs) expect(json(await request(doc))).toEqual(sameJson(doc));
    // The last request's turns were all held after the one before it: nothing crossed again.
    expect(sent.at(-1)?.contents.every((c) => c.turn === undefined)).toBe(true);
  });

  it("sends a long conversation ahead of its request in batches, each turn once", async () => {
    const { worker, sent, stored } = inProcessWorker();
    const request = createBodyClient(worker);
    const long = Array.from({ length: 400 }, (_, i) => ({
      ...turn(i),
      parts: [{ kind: "text" as const, text: `${i} ${"x".repeat(2_000)}` }],
    }));
    const doc = conversation(long);
    // Asked twice at once (a token count, then a run): the second waits for the first.
    const [first, second] = await Promise.all([request(doc), request(doc)]);
    expect(json(first)).toEqual(sameJson(doc));
    expect(json(second)).toEqual(sameJson(doc));
    expect(stored.length).toBeGreaterThan(5);
    const crossings = [
      ...stored.flatMap((m) => m.store),
      ...sent.flatMap((m) => m.contents.filter((c) => c.turn !== undefined)),
    ];
    expect(crossings).toHaveLength(400);
  });

  it("makes the body on the page when the worker fails", async () => {
    const { worker, fail } = inProcessWorker();
    const request = createBodyClient(worker);
    fail();
    expect(await request(conversation([turn(0)]))).toBeNull();
  });

  it("is the JSON string without Worker support, and stops when aborted", async () => {
    const doc = conversation([turn(0)]);
    expect(JSON.parse(String(await docBody(doc)))).toEqual(sameJson(doc));
    const abort = new AbortController();
    abort.abort();
    await expect(docBody(doc, abort.signal)).rejects.toThrow();
  });
});

describe("prompt documents sent by the worker (lib/client/doc-body)", () => {
  let server: Server;
  let base = "";
  const received: { headers: IncomingMessage["headers"]; body: string }[] = [];
  const closed: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
        response.writeHead(request.url === "/missing" ? 404 : 200, {
          "content-type": "text/event-stream",
        });
        response.write("event: one\n\n");
        if (request.url === "/forever") {
          response.on("close", () => closed.push(request.url ?? ""));
          return;
        }
        response.end("event: two\n\n");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const headers = { "content-type": "application/json", accept: "text/event-stream" };

  it("posts the document's JSON from the worker and hands back the streamed response", async () => {
    const request = createBodyClient(inProcessWorker().worker);
    const doc = conversation([turn(0), turn(1)]);
    const reply = await request(doc, { url: `${base}/run`, headers });
    if (!reply || !("response" in reply)) throw new Error(`no response: ${JSON.stringify(reply)}`);
    expect(reply.response).toMatchObject({ status: 200, statusText: "OK" });
    expect(new Map(reply.response.headers).get("content-type")).toBe("text/event-stream");
    expect(await new Response(reply.response.body).text()).toBe("event: one\n\nevent: two\n\n");
    const last = received.at(-1);
    expect(JSON.parse(last?.body ?? "")).toEqual(sameJson(doc));
    expect(last?.headers).toMatchObject(headers);
  });

  it("hands back an error status as it came", async () => {
    const request = createBodyClient(inProcessWorker().worker);
    const reply = await request(conversation([turn(0)]), { url: `${base}/missing`, headers });
    expect(reply && "response" in reply && reply.response.status).toBe(404);
  });

  it("aborts the worker's request when the page's signal fires, even mid-answer", async () => {
    const { worker, aborted } = inProcessWorker();
    const request = createBodyClient(worker);
    const abort = new AbortController();
    const reply = await request(
      conversation([turn(0)]),
      { url: `${base}/forever`, headers },
      abort.signal,
    );
    if (!reply || !("response" in reply)) throw new Error("no response");
    const reader = reply.response.body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe("event: one\n\n");
    abort.abort();
    await expect(reader?.read()).rejects.toThrow();
    expect(aborted).toHaveLength(1);
    await expect.poll(() => closed).toEqual(["/forever"]);
  });

  it("says no answer came when the server can't be reached", async () => {
    const request = createBodyClient(inProcessWorker().worker);
    const reply = await request(conversation([turn(0)]), {
      url: "http://127.0.0.1:9/run",
      headers,
    });
    expect(reply).toMatchObject({ unreachable: true });
  });
});
