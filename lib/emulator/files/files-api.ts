/**
 * The Files API routes: resumable upload (upload.ts), `GET files/{id}`, `GET files` (newest first,
 * `pageSize` default 10 and at most 100, `{files, nextPageToken}`; an empty store answers `{}` as
 * proto3 JSON does) and `DELETE files/{id}` (`{}`). A missing file, whether it never existed,
 * expired or was deleted, is Google's 403, not a 404.
 */

import type { RequestLogHandle } from "@/lib/emulator/log";
import type { FilesRoute } from "@/lib/emulator/routes";
import { EmulatorApiError, fileAccessDenied } from "@/lib/emulator/validation/errors";
import { jsonResponse } from "@/lib/emulator/wire";
import { fileResource } from "./file-resource";
import type { FileStore } from "./file-store";
import { continueUpload, isUploadChunk, startUpload } from "./upload";

/** Upload chunks carry their credential in the URL; everything else needs an API key. */
export function needsKey(route: FilesRoute, url: URL): boolean {
  return !(route.kind === "upload" && isUploadChunk(url));
}

export async function serveFiles(
  route: FilesRoute,
  request: Request,
  url: URL,
  entry: RequestLogHandle,
  store: FileStore,
): Promise<Response> {
  const method = request.method;
  if (route.kind === "upload" && method === "POST") {
    return isUploadChunk(url)
      ? continueUpload(request, url, entry, store)
      : startUpload(route, request, url, entry, store);
  }
  if (route.kind === "listFiles" && method === "GET") {
    const page = store.list(url.searchParams.get("pageSize"), url.searchParams.get("pageToken"));
    const body: Record<string, unknown> = {};
    if (page.files.length > 0) body.files = page.files.map((file) => fileResource(file, store));
    if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
    return ok(entry, body);
  }
  if (route.kind === "file" && (method === "GET" || method === "DELETE")) {
    const file = store.get(route.fileId);
    if (!file) throw fileAccessDenied(route.fileId);
    if (method === "GET") return ok(entry, fileResource(file, store));
    store.delete(file.id);
    return ok(entry, {});
  }
  throw new EmulatorApiError(404);
}

function ok(entry: RequestLogHandle, body: object): Response {
  entry.respond(200);
  entry.finish("ok");
  return jsonResponse(body, entry.id);
}
