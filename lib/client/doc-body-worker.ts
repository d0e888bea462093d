/**
 * Serializes prompt documents off the main thread (see doc-body.ts and doc-json.ts). Imports
 * nothing that needs a page: the serializer is plain JSON and TextEncoder.
 */
import { type BodyRequest, type BodyStore, createBodySerializer } from "./doc-json";

const scope = globalThis as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(
    type: "message",
    listener: (event: MessageEvent<BodyRequest | BodyStore>) => void,
  ): void;
};

const serializer = createBodySerializer();

scope.addEventListener("message", ({ data }) => {
  if ("store" in data) serializer.store(data);
  else {
    const reply = serializer.serialize(data);
    // Handed over, not copied: no structured clone of a megabyte on the page's side.
    scope.postMessage(reply, reply.body ? [reply.body.buffer] : []);
  }
});
