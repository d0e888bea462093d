import "server-only";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/format-bytes";
import { paceBody } from "@/lib/http/body-pace";
import { putBlob } from "./blob-store";
import { ACCEPTED_SUMMARY, acceptedMimeType } from "./mime";
import { SIGNATURE_BYTES, signatureProblem } from "./signature";
import type { StoredMedia } from "./types";

/**
 * POST /api/media: the body is the file's raw bytes (no multipart framing to parse or buffer),
 * its type in Content-Type and its name, URI-encoded, in X-File-Name. The file streams to the
 * blob store while its size, signature and (for text) UTF-8 are checked; the first problem
 * stops the upload with a message that names the file and what to do.
 */
export async function storeUpload(request: Request): Promise<StoredMedia> {
  const name = fileName(request.headers.get("x-file-name"));
  const claimed = request.headers.get("content-type") ?? "";
  const mimeType = acceptedMimeType(name, claimed);
  if (!mimeType) {
    throw new AppError({
      code: "unsupported_media_type",
      message: `${name} can't be attached: ${claimed ? `"${claimed.split(";")[0]}" is` : "its type is"} not a file type Gemini accepts. Attach ${ACCEPTED_SUMMARY}.`,
    });
  }
  const { mediaMaxBytes, uploadIdleMs } = serverEnv();
  const tooLarge = () =>
    new AppError({
      code: "payload_too_large",
      message: `${name} is larger than this server accepts (${formatBytes(mediaMaxBytes)}). Attach a smaller file, or ask the server's owner to raise PLAYGROUND_MEDIA_MAX_BYTES.`,
    });
  const declaredBytes = Number(request.headers.get("content-length")) || undefined;
  if (declaredBytes && declaredBytes > mediaMaxBytes) throw tooLarge();
  if (!request.body) throw badFile(name, "the file is empty");

  const head = new Uint8Array(SIGNATURE_BYTES);
  let headLength = 0;
  const utf8 = mimeType.startsWith("text/") || mimeType === "application/json";
  const decoder = utf8 ? new TextDecoder("utf-8", { fatal: true }) : undefined;
  const checkHead = () => {
    const problem = signatureProblem(mimeType, head.subarray(0, headLength));
    if (problem) throw badFile(name, problem);
  };

  const body = paceBody(request.body, uploadIdleMs, `The upload of ${name}`);
  const blob = await putBlob(body, mimeType, {
    declaredBytes,
    onChunk(chunk, received) {
      if (received > mediaMaxBytes) throw tooLarge();
      if (headLength < SIGNATURE_BYTES) {
        const take = chunk.subarray(0, SIGNATURE_BYTES - headLength);
        head.set(take, headLength);
        headLength += take.byteLength;
        if (headLength === SIGNATURE_BYTES) checkHead();
      }
      if (decoder) decodeOrRefuse(decoder, name, chunk, true);
    },
    onEnd() {
      if (headLength < SIGNATURE_BYTES) checkHead();
      if (decoder) decodeOrRefuse(decoder, name, new Uint8Array(0), false);
    },
  }).catch((error: unknown) => {
    if (error instanceof AppError && error.body.code === "storage_full") {
      throw new AppError({ ...error.body, message: `${name} can't be attached. ${error.message}` });
    }
    throw error;
  });
  return { sha256: blob.sha256, mimeType, bytes: blob.bytes, name };
}

function decodeOrRefuse(decoder: TextDecoder, name: string, chunk: Uint8Array, more: boolean) {
  try {
    decoder.decode(chunk, { stream: more });
  } catch {
    throw badFile(name, "it is not UTF-8 text");
  }
}

function badFile(name: string, problem: string): AppError {
  return new AppError({
    code: "bad_request:media",
    message: `${name} can't be attached: ${problem}.`,
  });
}

function fileName(header: string | null): string {
  if (!header) return "The file";
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    name = header;
  }
  // Control characters and path separators have no place in a label shown back to people.
  const clean = [...name]
    .filter((c) => c >= " " && c !== "\u007f" && c !== "/" && c !== "\\")
    .join("")
    .trim();
  return clean.slice(0, 255) || "The file";
}
