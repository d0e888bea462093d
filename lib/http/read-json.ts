import "server-only";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/format-bytes";
import { paceBody } from "./body-pace";
import { deepestPath } from "./json-depth";

export interface ReadJsonOptions {
  maxBytes: number;
  /**
   * The server's in-flight byte budget for this body: the declared length is reserved before the
   * first byte is read (or the bytes as they arrive, when none is declared), and it is given
   * back once the body is parsed or the read fails.
   */
  reservation?: { ensure(bytes: number): void; release(): void };
  /** A body that delivers less than 1 KiB in this long is cut off (see body-pace.ts). */
  paceWindowMs?: number;
}

/**
 * Read a JSON body without trusting Content-Length: bytes are counted as they arrive and the
 * read stops at the limit, so an oversized body costs at most `maxBytes` of memory.
 */
export async function readJsonBody(request: Request, options: ReadJsonOptions): Promise<unknown> {
  const { maxBytes, reservation, paceWindowMs } = options;
  const tooLarge = () =>
    new AppError({
      code: "payload_too_large",
      message: `The request is larger than this server accepts (${formatBytes(maxBytes)}). Shorten the prompt or ask the server's owner to raise PLAYGROUND_MAX_BODY_BYTES.`,
    });
  try {
    const declared = Number(request.headers.get("content-length") ?? Number.NaN);
    if (declared > maxBytes) throw tooLarge();
    if (!request.body) throw badJson("The request has no body.");
    if (declared > 0) reservation?.ensure(declared);

    const body = paceWindowMs ? paceBody(request.body, paceWindowMs, "The request") : request.body;
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      try {
        reservation?.ensure(size);
      } catch (refusal) {
        await reader.cancel();
        throw refusal;
      }
      chunks.push(value);
    }
    const bytes = Buffer.concat(chunks, size);
    chunks.length = 0;
    try {
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw badJson(`The request body is not valid JSON (${(error as Error).message}).`);
    }
  } finally {
    reservation?.release();
  }
}

/**
 * A 400 naming where a parsed body nests deeper than `maxDepth`, checked without recursion
 * before anything recursive (a schema, the SDK, JSON.stringify) can overflow the stack on it.
 */
export function refuseDeepJson(json: unknown, maxDepth: number): void {
  const deep = deepestPath(json, maxDepth);
  if (!deep) return;
  throw new AppError({
    code: "bad_request:json",
    field: deep.field,
    message: `The request nests deeper than this server accepts (${maxDepth} levels) at ${deep.field}. Flatten that value (a schema or function arguments nested this deep are almost always a mistake), or ask the server's owner to raise PLAYGROUND_MAX_JSON_DEPTH.`,
  });
}

function badJson(message: string): AppError {
  return new AppError({ code: "bad_request:json", message });
}
