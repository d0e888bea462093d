import "server-only";
import { AppError } from "@/lib/errors";
import { Sha256Schema } from "@/lib/prompt";
import { openBlob, statBlob, touchBlobs } from "./blob-store";
import { mediaCategory } from "./mime";

/**
 * GET /api/media/{sha256}[?download=name | ?view=1]: a stored file, for thumbnails, players and
 * downloads.
 * Files are attacker-controlled content served from the app's own origin, so only types a
 * browser renders inertly keep their type (text, HTML included, is served as plain text), the
 * browser may not sniff, and a sandbox CSP covers anything opened directly. Content-addressed
 * bytes never change, so they cache forever. Ranges let audio and video seek. A PDF opened by a
 * plain link is a download: the browser's viewer runs it as a document of our origin, so it shows
 * inline only when our own "Open" link asks for it (`?view=1`), still under the sandbox policy.
 */
export async function serveMedia(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const sha256 = url.pathname.split("/").pop() ?? "";
  if (!Sha256Schema.safeParse(sha256).success) throw missing();
  const blob = await statBlob(sha256);
  if (!blob) throw missing();
  await touchBlobs([sha256]);

  const headers = new Headers({
    "content-type": servedType(blob.mimeType),
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
    "cache-control": "private, max-age=31536000, immutable",
    "accept-ranges": "bytes",
  });
  const download = url.searchParams.get("download");
  if (download) {
    headers.set(
      "content-disposition",
      `attachment; filename*=UTF-8''${encodeURIComponent(download)}`,
    );
  } else if (blob.mimeType === "application/pdf" && url.searchParams.get("view") !== "1") {
    headers.set("content-disposition", "attachment");
  }

  const range = parseRange(request.headers.get("range"), blob.bytes);
  if (range === "unsatisfiable") {
    headers.set("content-range", `bytes */${blob.bytes}`);
    return new Response(null, { status: 416, headers });
  }
  if (range) {
    headers.set("content-range", `bytes ${range.start}-${range.end}/${blob.bytes}`);
    headers.set("content-length", String(range.end - range.start + 1));
    return new Response(openBlob(sha256, range), { status: 206, headers });
  }
  headers.set("content-length", String(blob.bytes));
  return new Response(openBlob(sha256), { headers });
}

function servedType(mimeType: string): string {
  const category = mediaCategory(mimeType);
  if (category === "text") return "text/plain; charset=utf-8";
  if (category === "image" || category === "audio" || category === "video") return mimeType;
  if (category === "document" || mimeType === "audio/wav") return mimeType;
  return "application/octet-stream";
}

function parseRange(
  header: string | null,
  size: number,
): { start: number; end: number } | "unsatisfiable" | undefined {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match) return undefined;
  const [, from = "", to = ""] = match;
  if (!from && !to) return undefined;
  const start = from ? Number(from) : Math.max(0, size - Number(to));
  const end = from && to ? Math.min(Number(to), size - 1) : size - 1;
  return start > end || start >= size ? "unsatisfiable" : { start, end };
}

function missing(): AppError {
  return new AppError({
    code: "media_missing",
    message: "That file is not stored on this server. Attach it again.",
  });
}
