import "server-only";
import type { File as GeminiFile } from "@google/genai";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { type BlobInfo, openBlob, readBlob, statBlob, touchBlobs } from "@/lib/media/blob-store";
import { type MediaPart, PROMPT_LIMITS, type PromptDoc } from "@/lib/prompt";
import type { MediaLookup, ResolvedMedia } from "@/lib/wire/parts";
import { gemini, upstreamName } from "./client";
import { toAppError } from "./errors";
import { uploadFile } from "./upload-file";

/**
 * Turn a document's media references into what Gemini reads: small files inline, large ones
 * through the Files API. Gemini refuses requests over 20 MB, so inline bytes also share a
 * budget below that (base64 grows them by a third); what doesn't fit is uploaded instead.
 */
const INLINE_BUDGET_BYTES = 14 * 1024 * 1024;

export async function resolveMedia(doc: PromptDoc, signal?: AbortSignal): Promise<MediaLookup> {
  const parts = uniqueMedia(doc);
  if (parts.length === 0) return () => ({});
  if (parts.length > PROMPT_LIMITS.mediaFiles) {
    throw new AppError({
      code: "bad_request:media",
      message: `This prompt has ${parts.length} files; at most ${PROMPT_LIMITS.mediaFiles} can be sent at once. Remove some, or start a new prompt.`,
    });
  }
  const blobs = await Promise.all(
    parts.map(async (part) => [part, await statBlob(part.sha256)] as const),
  );
  // Sent to Gemini is used: the retention sweep keeps these for another period.
  await touchBlobs(blobs.flatMap(([, blob]) => (blob ? [blob.sha256] : [])));
  const { mediaInlineBytes } = serverEnv();
  let inlineTotal = 0;
  const resolved = new Map<string, Promise<ResolvedMedia>>();
  for (const [part, blob] of blobs) {
    if (!blob) throw missingFile(part);
    const inline =
      blob.bytes <= mediaInlineBytes && inlineTotal + blob.bytes <= INLINE_BUDGET_BYTES;
    if (inline) inlineTotal += blob.bytes;
    resolved.set(part.sha256, inline ? inlineData(part, blob) : fileData(part, blob, signal));
  }
  const settled = new Map<string, ResolvedMedia>();
  await Promise.all([...resolved].map(async ([sha, pending]) => settled.set(sha, await pending)));
  return (part) => {
    const media = settled.get(part.sha256) ?? {};
    // One blob may be referenced under different types; each part keeps its own.
    if (media.inlineData) return { inlineData: { ...media.inlineData, mimeType: part.mimeType } };
    if (media.fileData) return { fileData: { ...media.fileData, mimeType: part.mimeType } };
    return media;
  };
}

function uniqueMedia(doc: PromptDoc): MediaPart[] {
  const seen = new Map<string, MediaPart>();
  for (const turn of doc.contents) {
    for (const part of turn.parts) {
      if (part.kind === "media" && !seen.has(part.sha256)) seen.set(part.sha256, part);
    }
  }
  return [...seen.values()];
}

async function inlineData(part: MediaPart, blob: BlobInfo): Promise<ResolvedMedia> {
  const bytes = await readBlob(blob.sha256);
  return { inlineData: { mimeType: part.mimeType, data: bytes.toString("base64") } };
}

async function fileData(
  part: MediaPart,
  blob: BlobInfo,
  signal?: AbortSignal,
): Promise<ResolvedMedia> {
  const file = await uploadedFile(part, blob, signal);
  return { fileData: { fileUri: file.uri, mimeType: part.mimeType } };
}

interface UploadedFile {
  name: string;
  uri: string;
  expiresAt: number;
}

/** Files API uploads by content hash: concurrent runs share one upload, later runs reuse it. */
const uploads = new Map<string, Promise<UploadedFile>>();
/** Reused only with this much life left, so a long run can't outlive its file. */
const EXPIRY_MARGIN_MS = 60 * 60 * 1000;

async function uploadedFile(
  part: MediaPart,
  blob: BlobInfo,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  const cached = uploads.get(blob.sha256);
  if (cached) {
    const file = await cached.catch(() => undefined);
    if (file && file.expiresAt - Date.now() > EXPIRY_MARGIN_MS) return file;
    if (uploads.get(blob.sha256) === cached) uploads.delete(blob.sha256);
    return uploadedFile(part, blob, signal);
  }
  const pending = upload(part, blob);
  uploads.set(blob.sha256, pending);
  pending.catch(() => {
    if (uploads.get(blob.sha256) === pending) uploads.delete(blob.sha256);
  });
  // The upload carries on for later runs even if this one is stopped; only the wait ends.
  return abortable(pending, signal);
}

async function upload(part: MediaPart, blob: BlobInfo): Promise<UploadedFile> {
  const started = performance.now();
  let file: GeminiFile;
  try {
    file = await uploadFile(openBlob(blob.sha256), {
      bytes: blob.bytes,
      mimeType: part.mimeType,
      displayName: part.name ?? blob.sha256.slice(0, 12),
    });
    file = await waitUntilActive(file, part);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw toAppError(error, { model: "files", upstream: upstreamName() });
  }
  if (!file.name || !file.uri) throw processingFailed(part, "the Files API returned no file URI");
  log("info", "uploaded file to the Files API", {
    sha256: blob.sha256.slice(0, 12),
    bytes: blob.bytes,
    name: file.name,
    ms: Math.round(performance.now() - started),
  });
  const expiresAt = file.expirationTime
    ? Date.parse(file.expirationTime)
    : Date.now() + 47 * 3600_000;
  return { name: file.name, uri: file.uri, expiresAt };
}

const ACTIVE_TIMEOUT_MS = 10 * 60 * 1000;

/** Video and audio are processed after upload; Gemini refuses a file until it is ACTIVE. */
async function waitUntilActive(initial: GeminiFile, part: MediaPart): Promise<GeminiFile> {
  const { ai } = gemini();
  let file = initial;
  let delay = 200;
  const deadline = Date.now() + ACTIVE_TIMEOUT_MS;
  while (file.state === "PROCESSING" || file.state === "STATE_UNSPECIFIED") {
    if (Date.now() > deadline)
      throw processingFailed(part, "it was still processing after 10 minutes");
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 1.5, 2000);
    if (!file.name) break;
    file = await ai.files.get({ name: file.name });
  }
  if (file.state === "FAILED") {
    throw processingFailed(part, file.error?.message ?? "Gemini could not process it");
  }
  return file;
}

function processingFailed(part: MediaPart, reason: string): AppError {
  return new AppError({
    code: "bad_request:media",
    message: `${part.name ?? "An attached file"} could not be sent through the Files API: ${reason}. Try again, or attach a different file.`,
  });
}

function missingFile(part: MediaPart): AppError {
  return new AppError({
    code: "bad_request:media",
    field: "contents",
    message: `${part.name ?? `The file ${part.sha256.slice(0, 12)}`} is no longer stored on this server. Remove it and attach it again.`,
  });
}

function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new DOMException("Aborted", "AbortError"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
