/**
 * Reading request bodies as streams: into one buffer sized by Content-Length (no chunk list to
 * concatenate), with a ceiling. A body over the ceiling is still read to its end and dropped, so
 * the client finishes sending and sees the 400 instead of a reset connection.
 */

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Request body larger than ${limit} bytes`);
    this.name = "BodyTooLarge";
  }
}

/** Reads and discards whatever is left of a body. */
export async function drainBody(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  const reader = request.body.getReader();
  for (;;) {
    const { done } = await reader.read();
    if (done) return;
  }
}

export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isInteger(declared) && declared > limit) {
    await drainBody(request);
    throw new BodyTooLarge(limit);
  }
  let buffer = new Uint8Array(Number.isInteger(declared) && declared > 0 ? declared : 64 * 1024);
  let length = 0;
  let over = false;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (over) continue;
    const end = length + value.byteLength;
    if (end > limit) {
      over = true;
      continue;
    }
    if (end > buffer.byteLength) {
      const grown = new Uint8Array(Math.min(limit, Math.max(end, buffer.byteLength * 2)));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    buffer.set(value, length);
    length = end;
  }
  if (over) throw new BodyTooLarge(limit);
  return length === buffer.byteLength ? buffer : buffer.subarray(0, length);
}
