import "server-only";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/format-bytes";

/**
 * Read a JSON body without trusting Content-Length: bytes are counted as they arrive and the
 * read stops at the limit, so an oversized body costs at most `maxBytes` of memory.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const tooLarge = () =>
    new AppError({
      code: "payload_too_large",
      message: `The request is larger than this server accepts (${formatBytes(maxBytes)}). Shorten the prompt or ask the server's owner to raise PLAYGROUND_MAX_BODY_BYTES.`,
    });
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) throw badJson("The request has no body.");

  const reader = request.body.getReader();
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
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badJson(`The request body is not valid JSON (${(error as Error).message}).`);
  }
}

function badJson(message: string): AppError {
  return new AppError({ code: "bad_request:json", message });
}
