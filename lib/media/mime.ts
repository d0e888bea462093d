/**
 * The files the playground accepts, by MIME type, grouped the way Gemini documents its inputs.
 * Isomorphic: the browser uses it for the file picker's `accept` and to name a file's type when
 * the browser doesn't know it; the server enforces it.
 */
export type MediaCategory = "image" | "audio" | "video" | "document" | "text";

const ACCEPTED: Record<string, MediaCategory> = {
  "image/png": "image",
  "image/jpeg": "image",
  "image/webp": "image",
  "image/heic": "image",
  "image/heif": "image",
  "audio/wav": "audio",
  "audio/mp3": "audio",
  "audio/aiff": "audio",
  "audio/aac": "audio",
  "audio/ogg": "audio",
  "audio/flac": "audio",
  "video/mp4": "video",
  "video/mpeg": "video",
  "video/mov": "video",
  "video/avi": "video",
  "video/x-flv": "video",
  "video/mpg": "video",
  "video/webm": "video",
  "video/wmv": "video",
  "video/3gpp": "video",
  "application/pdf": "document",
  "text/plain": "text",
  "text/html": "text",
  "text/css": "text",
  "text/csv": "text",
  "text/markdown": "text",
  "text/xml": "text",
  "text/javascript": "text",
  "text/x-typescript": "text",
  "text/x-python": "text",
  "application/json": "text",
};

/** Browsers and operating systems name some types differently from Gemini's list. */
const ALIASES: Record<string, string> = {
  "image/jpg": "image/jpeg",
  "audio/x-wav": "audio/wav",
  "audio/wave": "audio/wav",
  "audio/vnd.wave": "audio/wav",
  "audio/mpeg": "audio/mp3",
  "audio/x-aiff": "audio/aiff",
  "audio/x-flac": "audio/flac",
  "audio/x-aac": "audio/aac",
  "audio/mp4": "audio/aac",
  "audio/x-m4a": "audio/aac",
  "video/quicktime": "video/mov",
  "video/x-msvideo": "video/avi",
  "video/x-ms-wmv": "video/wmv",
  "application/x-javascript": "text/javascript",
  "application/javascript": "text/javascript",
  "application/x-python-code": "text/x-python",
  "application/xml": "text/xml",
  "application/x-typescript": "text/x-typescript",
};

const BY_EXTENSION: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  heic: "image/heic",
  heif: "image/heif",
  wav: "audio/wav",
  mp3: "audio/mp3",
  aif: "audio/aiff",
  aiff: "audio/aiff",
  aac: "audio/aac",
  m4a: "audio/aac",
  ogg: "audio/ogg",
  oga: "audio/ogg",
  flac: "audio/flac",
  mp4: "video/mp4",
  mpeg: "video/mpeg",
  mpg: "video/mpg",
  mov: "video/mov",
  avi: "video/avi",
  flv: "video/x-flv",
  webm: "video/webm",
  wmv: "video/wmv",
  "3gp": "video/3gpp",
  pdf: "application/pdf",
  txt: "text/plain",
  log: "text/plain",
  md: "text/markdown",
  markdown: "text/markdown",
  html: "text/html",
  htm: "text/html",
  css: "text/css",
  csv: "text/csv",
  xml: "text/xml",
  json: "application/json",
  js: "text/javascript",
  mjs: "text/javascript",
  cjs: "text/javascript",
  jsx: "text/javascript",
  ts: "text/x-typescript",
  tsx: "text/x-typescript",
  py: "text/x-python",
};

/** Source files Gemini has no MIME type for: sent as plain text, which it reads fine. */
const PLAIN_TEXT_EXTENSIONS = new Set(
  "c h cc cpp hpp cs go rs java kt kts swift rb php sh bash zsh sql yaml yml toml ini cfg conf r scala lua dart vue svelte graphql proto tex".split(
    " ",
  ),
);

export function normalizeMimeType(type: string): string {
  const bare = type.split(";")[0]?.trim().toLowerCase() ?? "";
  return ALIASES[bare] ?? bare;
}

export function mediaCategory(mimeType: string): MediaCategory | undefined {
  return ACCEPTED[normalizeMimeType(mimeType)];
}

/**
 * The MIME type to send a file as: the browser's, unless it has none or one Gemini doesn't list,
 * in which case the file name decides (code files become text/plain). Undefined = not accepted.
 */
export function acceptedMimeType(name: string, browserType: string): string | undefined {
  const fromBrowser = normalizeMimeType(browserType);
  if (ACCEPTED[fromBrowser]) return fromBrowser;
  const extension = name.includes(".") ? name.split(".").pop()?.toLowerCase() : undefined;
  if (!extension) return undefined;
  if (BY_EXTENSION[extension]) return BY_EXTENSION[extension];
  if (PLAIN_TEXT_EXTENSIONS.has(extension)) return "text/plain";
  return undefined;
}

/** For `<input type=file accept>`: every listed type and extension. */
export const ACCEPT_ATTRIBUTE = [
  ...Object.keys(ACCEPTED),
  ...Object.keys(BY_EXTENSION).map((e) => `.${e}`),
  ...[...PLAIN_TEXT_EXTENSIONS].map((e) => `.${e}`),
].join(",");

/** What to tell a person whose file was refused for its type. */
export const ACCEPTED_SUMMARY =
  "images (PNG, JPEG, WEBP, HEIC, HEIF), audio (WAV, MP3, AIFF, AAC, OGG, FLAC), video (MP4, MOV, WEBM, MPEG, AVI, WMV, FLV, 3GP), PDF, and text or code files";

/** Images a browser can draw: HEIC and HEIF are accepted by Gemini but shown only as a file. */
export function isDisplayableImage(mimeType: string): boolean {
  const type = normalizeMimeType(mimeType);
  return mediaCategory(type) === "image" && type !== "image/heic" && type !== "image/heif";
}
