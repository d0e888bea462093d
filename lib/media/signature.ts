import { mediaCategory, normalizeMimeType } from "./mime";

/**
 * Does a file's content match the type it claims? Checked on the first bytes as they stream in,
 * so a renamed or broken file is refused at upload with a clear reason instead of failing later
 * as a vague Gemini error. Text must be UTF-8 (checked in full by the store as it streams).
 */
export const SIGNATURE_BYTES = 16;

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  text.split("").every((c, i) => bytes[at + i] === c.charCodeAt(0));

const startsWith = (bytes: Uint8Array, ...values: number[]) =>
  values.every((v, i) => bytes[i] === v);

/** MPEG audio frame sync (11 set bits), or an ID3 tag in front of it. */
const isMp3 = (b: Uint8Array) =>
  ascii(b, 0, "ID3") || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0);

/** ISO base media (MP4, MOV, 3GP, HEIC, M4A): a `ftyp` box right at the start. */
const isIsoMedia = (b: Uint8Array) => ascii(b, 4, "ftyp");

const CHECKS: Record<string, (b: Uint8Array) => boolean> = {
  "image/png": (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  "image/jpeg": (b) => startsWith(b, 0xff, 0xd8, 0xff),
  "image/webp": (b) => ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP"),
  "image/heic": isIsoMedia,
  "image/heif": isIsoMedia,
  "audio/wav": (b) => ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE"),
  "audio/mp3": isMp3,
  "audio/aiff": (b) => ascii(b, 0, "FORM") && (ascii(b, 8, "AIFF") || ascii(b, 8, "AIFC")),
  // ADTS frames, or AAC in an MP4 container (.m4a).
  "audio/aac": (b) => (b[0] === 0xff && ((b[1] ?? 0) & 0xf6) === 0xf0) || isIsoMedia(b),
  "audio/ogg": (b) => ascii(b, 0, "OggS"),
  "audio/flac": (b) => ascii(b, 0, "fLaC"),
  "video/mp4": isIsoMedia,
  "video/mov": (b) =>
    isIsoMedia(b) || ascii(b, 4, "moov") || ascii(b, 4, "mdat") || ascii(b, 4, "wide"),
  "video/3gpp": isIsoMedia,
  "video/webm": (b) => startsWith(b, 0x1a, 0x45, 0xdf, 0xa3),
  "video/avi": (b) => ascii(b, 0, "RIFF") && ascii(b, 8, "AVI "),
  "video/x-flv": (b) => ascii(b, 0, "FLV"),
  "video/wmv": (b) => startsWith(b, 0x30, 0x26, 0xb2, 0x75),
  "video/mpeg": (b) =>
    startsWith(b, 0x00, 0x00, 0x01) && ((b[3] ?? 0) === 0xba || (b[3] ?? 0) === 0xb3),
  "video/mpg": (b) =>
    startsWith(b, 0x00, 0x00, 0x01) && ((b[3] ?? 0) === 0xba || (b[3] ?? 0) === 0xb3),
  "application/pdf": (b) => ascii(b, 0, "%PDF-"),
};

const LABELS: Record<string, string> = {
  "image/png": "a PNG image",
  "image/jpeg": "a JPEG image",
  "image/webp": "a WEBP image",
  "image/heic": "a HEIC image",
  "image/heif": "a HEIF image",
  "audio/wav": "a WAV file",
  "audio/mp3": "an MP3 file",
  "application/pdf": "a PDF",
};

/** Null when the first bytes fit the type; otherwise the reason, written for a person. */
export function signatureProblem(mimeType: string, head: Uint8Array): string | null {
  const type = normalizeMimeType(mimeType);
  if (head.byteLength === 0) return "the file is empty";
  if (mediaCategory(type) === "text") {
    return head.includes(0) ? "it is not a text file (it contains binary data)" : null;
  }
  const check = CHECKS[type];
  if (!check || check(head)) return null;
  const label = LABELS[type] ?? `a valid ${type} file`;
  return `its content is not ${label} (the file may be damaged or renamed)`;
}
