import { acceptedMimeType } from "@/lib/media/mime";
import type { StoredMedia } from "@/lib/media/types";
import { browserError, decodeAppError, RequestError, unreachable } from "./errors";

/**
 * Send one file to POST /api/media as its raw bytes. XMLHttpRequest rather than fetch because
 * only it reports upload progress, which a large video needs. The type is the one Gemini knows
 * the file by (browsers leave code files and some audio untyped), or the browser's own, which the
 * server then refuses with a message naming it. Every failure rejects with a `RequestError`.
 */
export function uploadMedia(
  file: File,
  onProgress: (sent: number) => void,
  signal?: AbortSignal,
): Promise<StoredMedia> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/media");
    xhr.setRequestHeader(
      "content-type",
      acceptedMimeType(file.name, file.type) ?? (file.type || "application/octet-stream"),
    );
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      if (xhr.status === 201) return resolve(xhr.response as StoredMedia);
      reject(new RequestError(decodeAppError(xhr.response, xhr.status)));
    };
    xhr.onerror = () =>
      reject(
        new RequestError(unreachable(`${file.name} could not be sent: the server is unreachable.`)),
      );
    xhr.onabort = () =>
      reject(new RequestError(browserError(`Upload of ${file.name} was cancelled.`)));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
