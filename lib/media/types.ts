/** What POST /api/media answers, and what a media part of the prompt document records. */
export interface StoredMedia {
  sha256: string;
  mimeType: string;
  bytes: number;
  name?: string;
}

/** The URL the browser shows or downloads a stored file from. */
export function mediaUrl(sha256: string, download?: string): string {
  const base = `/api/media/${sha256}`;
  return download ? `${base}?download=${encodeURIComponent(download)}` : base;
}

/**
 * The URL our "Open" link shows a PDF at, in the browser's own viewer. Without `view=1` the
 * server sends a PDF as a download (lib/media/serve.ts).
 */
export function mediaViewUrl(sha256: string): string {
  return `/api/media/${sha256}?view=1`;
}

/** What POST /api/media/keep answers: the files asked for that the server no longer holds. */
export interface KeptMedia {
  missing: string[];
  /** How long the server keeps a file nobody uses (0: forever). */
  retentionDays: number;
}

/** The most hashes one POST /api/media/keep may name. */
export const KEEP_MEDIA_MAX = 2000;
