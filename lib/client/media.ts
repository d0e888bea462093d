import { acceptedMimeType } from "@/lib/media/mime";
import { KEEP_MEDIA_MAX, type KeptMedia, type StoredMedia } from "@/lib/media/types";
import { browserError, decodeAppError, RequestError, unreachable } from "./errors";
import { type CallOptions, requestJson } from "./http";

/**
 * Send one file to POST /api/media as its raw bytes. XMLHttpRequest rather than fetch because
 * only it reports upload progress, which a large video needs. The type is the one Gemini knows
 * the file by (browsers leave code files and some audio untyped), or the browser's own, which the
 * server then refuses with a message naming it. Every failure rejects with a `RequestError`.
 */
export async function uploadMedia(
  file: File,
  onProgress: (sent: number) => void,
  signal?: AbortSignal,
): Promise<StoredMedia> {
  const done = await uploadTurn();
  try {
    return await sendFile(file, onProgress, signal);
  } finally {
    done();
  }
}

function sendFile(
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
    const cancelled = () =>
      reject(new RequestError(browserError(`Upload of ${file.name} was cancelled.`)));
    xhr.onabort = cancelled;
    // Aborted while waiting for its turn.
    if (signal?.aborted) return cancelled();
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/**
 * Uploads this page sends at once; the rest wait their turn. Below the server's per-client limit
 * (PLAYGROUND_MAX_CONCURRENT_UPLOADS_PER_CLIENT, default 8), so dropping twenty files is never
 * refused, and what a browser opens to one host anyway.
 */
const UPLOADS_AT_ONCE = 4;
let uploading = 0;
const waiting: Array<() => void> = [];

function uploadTurn(): Promise<() => void> {
  return new Promise((resolve) => {
    const start = () => {
      uploading++;
      let over = false;
      resolve(() => {
        if (over) return;
        over = true;
        uploading--;
        waiting.shift()?.();
      });
    };
    if (uploading < UPLOADS_AT_ONCE) start();
    else waiting.push(start);
  });
}

/**
 * POST /api/media/keep: tell the server the saved draft still holds these files, so it keeps
 * them; answers the ones it no longer has.
 */
export function keepMedia(
  sha256s: readonly string[],
  options: CallOptions = {},
): Promise<KeptMedia> {
  return requestJson<KeptMedia>("/api/media/keep", {
    ...options,
    method: "POST",
    json: { sha256: sha256s.slice(0, KEEP_MEDIA_MAX) },
    unreachableMessage: "Could not reach the server to check the draft's files.",
  });
}
