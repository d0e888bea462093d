/**
 * Serializes prompt documents off the main thread, and sends them (see doc-body.ts and
 * doc-json.ts). Imports nothing that needs a page: the serializer is plain JSON and TextEncoder.
 */
import { type BodyAbort, type BodyRequest, type BodyStore, createBodyWorker } from "./doc-json";

const scope = globalThis as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(
    type: "message",
    listener: (event: MessageEvent<BodyRequest | BodyStore | BodyAbort>) => void,
  ): void;
};

const handle = createBodyWorker((reply, transfer) => scope.postMessage(reply, transfer));

scope.addEventListener("message", ({ data }) => handle(data));
