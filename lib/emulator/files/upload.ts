/**
 * The resumable upload protocol of Google's upload server, as `ai.files.upload` drives it:
 *
 *   1. POST <mount>/upload/v1beta/files, `X-Goog-Upload-Protocol: resumable`,
 *      `X-Goog-Upload-Command: start`, `X-Goog-Upload-Header-Content-Length/-Type`, JSON
 *      `{file: {displayName?, mimeType?, name?}}` → 200, empty body, `x-goog-upload-url` (absolute,
 *      on the origin and mount the request came to) and `x-goog-upload-status: active`.
 *   2. POST that URL per chunk (the SDK sends 8 MiB) with `X-Goog-Upload-Command: upload` and
 *      `X-Goog-Upload-Offset` equal to the bytes received so far → 200 `active`; the last chunk says
 *      `upload, finalize` → 200 `{file: File}` with `x-goog-upload-status: final`.
 *   `query` reports `x-goog-upload-size-received`; `cancel` drops the session.
 *
 * The upload URL is the credential, as on Google's server, so chunk requests need no API key.
 * Protocol errors answer as the upload server does: text/plain starting "Invalid request." (the
 * wording after that is ours), with the session left active so a client can query and resume.
 */

import type { RequestLogHandle } from "@/lib/emulator/log";
import type { FilesRoute } from "@/lib/emulator/routes";
import { drainBody } from "@/lib/emulator/validation/body-bytes";
import { invalidArgument } from "@/lib/emulator/validation/errors";
import { isObject, readJsonBody } from "@/lib/emulator/validation/request-body";
import { baseHeaders, JSON_CONTENT_TYPE, toPrettyJson } from "@/lib/emulator/wire";
import { fileResource } from "./file-resource";
import type { FileStore, UploadSession } from "./file-store";

type UploadRoute = Extract<FilesRoute, { kind: "upload" }>;

const TEXT_CONTENT_TYPE = "text/plain; charset=utf-8";
/** The SDK's chunk size; Google advertises its granularity the same way. */
const CHUNK_GRANULARITY = String(8 * 1024 * 1024);

export function isUploadChunk(url: URL): boolean {
  return url.searchParams.has("upload_id");
}

/** Upload-server answers: empty or text/plain, except the finalized file's JSON. */
function reply(
  entry: RequestLogHandle,
  status: number,
  headers: Record<string, string>,
  body = "",
  contentType = TEXT_CONTENT_TYPE,
): Response {
  const response = new Response(body, { status, headers: baseHeaders(contentType, entry.id) });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  entry.respond(status);
  entry.finish(status < 400 ? "ok" : "error");
  return response;
}

function stringField(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export async function startUpload(
  route: UploadRoute,
  request: Request,
  url: URL,
  entry: RequestLogHandle,
  store: FileStore,
): Promise<Response> {
  const protocol = request.headers.get("x-goog-upload-protocol")?.toLowerCase();
  const command = request.headers.get("x-goog-upload-command")?.toLowerCase();
  if (protocol !== "resumable" || command !== "start") {
    await drainBody(request);
    throw invalidArgument(
      "The Gemini emulator implements resumable uploads only: send X-Goog-Upload-Protocol: resumable and X-Goog-Upload-Command: start.",
    );
  }
  const body = await readJsonBody(request);
  const file = isObject(body.file) ? body.file : {};
  const declared = Number(request.headers.get("x-goog-upload-header-content-length") ?? "");
  const name = stringField(file.name);
  const displayName = stringField(file.displayName);
  const session = store.startUpload({
    ...(name !== undefined && { id: name.replace(/^files\//, "") }),
    ...(displayName !== undefined && { displayName }),
    mimeType:
      stringField(file.mimeType) ??
      stringField(request.headers.get("x-goog-upload-header-content-type")) ??
      "application/octet-stream",
    ...(Number.isInteger(declared) && declared >= 0 && { declaredBytes: declared }),
    uriBase: `${url.origin}${route.mount}/${route.version}/files/`,
  });
  const uploadUrl = `${url.origin}${route.mount}/upload/${route.version}/files?upload_id=${session.id}&upload_protocol=resumable`;
  return reply(entry, 200, {
    "x-goog-upload-status": "active",
    "x-goog-upload-url": uploadUrl,
    "x-goog-upload-control-url": uploadUrl,
    "x-goog-upload-chunk-granularity": CHUNK_GRANULARITY,
    "x-guploader-uploadid": session.id,
  });
}

export async function continueUpload(
  request: Request,
  url: URL,
  entry: RequestLogHandle,
  store: FileStore,
): Promise<Response> {
  const session = store.session(url.searchParams.get("upload_id") ?? "");
  if (!session) {
    await drainBody(request);
    return reply(entry, 404, {}, "Invalid request.  No upload session matches this upload_id.");
  }
  const commands = (request.headers.get("x-goog-upload-command") ?? "")
    .split(",")
    .map((command) => command.trim().toLowerCase());
  const state = (received: number) => ({
    "x-goog-upload-status": "active",
    "x-goog-upload-size-received": String(received),
  });
  if (commands.includes("cancel")) {
    await drainBody(request);
    store.cancel(session.id);
    return reply(entry, 200, { "x-goog-upload-status": "cancelled" });
  }
  if (commands.includes("query")) {
    await drainBody(request);
    return reply(entry, 200, state(session.received));
  }
  const uploading = commands.includes("upload");
  const finalizing = commands.includes("finalize");
  if (!uploading && !finalizing) {
    await drainBody(request);
    return reply(
      entry,
      400,
      state(session.received),
      "Invalid request.  Unknown X-Goog-Upload-Command.",
    );
  }
  const offsetHeader = request.headers.get("x-goog-upload-offset");
  if (uploading || offsetHeader !== null) {
    const offset = Number(offsetHeader ?? Number.NaN);
    if (offset !== session.received) {
      await drainBody(request);
      return reply(
        entry,
        400,
        state(session.received),
        `Invalid request.  X-Goog-Upload-Offset is ${offsetHeader ?? "missing"}, but ${session.received} bytes have been received so far.`,
      );
    }
  }
  if (uploading && !(await receive(request, session))) {
    return reply(
      entry,
      400,
      state(session.received),
      `Invalid request.  The upload would exceed the declared X-Goog-Upload-Header-Content-Length of ${session.meta.declaredBytes} bytes.`,
    );
  }
  if (!finalizing) return reply(entry, 200, state(session.received));
  const declared = session.meta.declaredBytes;
  if (declared !== undefined && session.received !== declared) {
    return reply(
      entry,
      400,
      state(session.received),
      `Invalid request.  Finalized after ${session.received} bytes, but ${declared} were declared.`,
    );
  }
  const file = await store.finalize(session);
  return reply(
    entry,
    200,
    { "x-goog-upload-status": "final" },
    toPrettyJson({ file: fileResource(file, store) }),
    JSON_CONTENT_TYPE,
  );
}

/** Streams the chunk into the session; on overflow keeps nothing of it and returns false. */
async function receive(request: Request, session: UploadSession): Promise<boolean> {
  if (!request.body) return true;
  const start = session.received;
  let fits = true;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (fits && !session.append(value)) fits = false;
  }
  if (!fits) session.rewind(start);
  return fits;
}
