import "server-only";
import { ApiError, type File as GeminiFile } from "@google/genai";
import { gemini } from "./client";
import { restError } from "./rest-error";

/**
 * Upload a stored file to the Gemini Files API with the resumable protocol, streaming it from the
 * blob store in one `upload, finalize` request. The SDK's own upload reads 8 MiB chunks into
 * fresh buffers and copies each into a Blob, which held a 20 MB video in about 4× its size of
 * memory; streaming keeps it to a few socket buffers (a chunk, from the database).
 */
export async function uploadFile(
  body: ReadableStream<Uint8Array>,
  options: { bytes: number; mimeType: string; displayName: string },
): Promise<GeminiFile> {
  const { rest } = gemini();
  const start = await rest.fetch(`${rest.baseUrl}/upload/${rest.apiVersion}/files`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-goog-api-key": rest.apiKey,
      "x-goog-upload-protocol": "resumable",
      "x-goog-upload-command": "start",
      "x-goog-upload-header-content-length": String(options.bytes),
      "x-goog-upload-header-content-type": options.mimeType,
    },
    body: JSON.stringify({
      file: { displayName: options.displayName, mimeType: options.mimeType },
    }),
  });
  const uploadUrl = start.headers.get("x-goog-upload-url");
  if (!start.ok || !uploadUrl) throw await restError(start, "The Files API");

  const upload = await rest.fetch(uploadUrl, {
    method: "POST",
    headers: {
      "x-goog-upload-command": "upload, finalize",
      "x-goog-upload-offset": "0",
      "content-length": String(options.bytes),
    },
    body,
    duplex: "half",
  } as RequestInit);
  if (!upload.ok || upload.headers.get("x-goog-upload-status") !== "final") {
    throw await restError(upload, "The Files API");
  }
  const { file } = (await upload.json()) as { file?: GeminiFile };
  if (!file) throw new ApiError({ message: "The Files API returned no file.", status: 502 });
  return file;
}
