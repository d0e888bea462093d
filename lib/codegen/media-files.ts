import type { MediaPart, PromptDoc } from "@/lib/prompt";
import type { MediaLookup } from "@/lib/wire/parts";

/**
 * The files a prompt's media parts name, as generated code reads them: from a local path (or, in
 * Apps Script, Drive), never from our server. Each is sent the way Run sends it (lib/gemini/media.ts):
 * inline up to the server's per-file limit while the request's inline total allows, through the
 * Files API beyond. The mapping itself is not repeated here: `lookup` hands it a placeholder
 * string where the bytes or the file's URI go, and each language prints its own expression there.
 */

/** The server's default for PLAYGROUND_MEDIA_INLINE_BYTES. */
export const DEFAULT_INLINE_BYTES = 4 * 1024 * 1024;
/** The server's budget for inline bytes in one request: Gemini refuses requests over 20 MB. */
const INLINE_TOTAL_BYTES = 14 * 1024 * 1024;

export interface MediaFile {
  sha256: string;
  mimeType: string;
  /** Where the code reads it: the caller's path for it, else the file's own name. */
  path: string;
  /** Its name in code, by kind and order: `image1`, `audio2`… */
  variable: string;
  /** Sent through the Files API rather than inline. */
  upload: boolean;
  /** The size when the document knows it; without it the file is taken to be small. */
  bytes?: number;
}

export interface MediaPlan {
  files: MediaFile[];
  /** Resolves each media part to inline data or a file URI holding a placeholder. */
  lookup: MediaLookup;
  /** The file a placeholder stands for, if `value` is one. */
  placeholder(value: unknown): MediaFile | undefined;
  /**
   * A string holding a placeholder among other text (OpenAI compatibility sends a picture as a
   * `data:` URL), split around it.
   */
  embedded(value: unknown): { before: string; file: MediaFile; after: string } | undefined;
}

export interface MediaOptions {
  files?: Readonly<Record<string, string>>;
  inlineBytes?: number;
  /** Every file inline, whatever its size: a door with no Files API (OpenAI compatibility). */
  inlineOnly?: boolean;
}

const PLACEHOLDER = "\u0000media:";

export function planMedia(doc: PromptDoc, options: MediaOptions = {}): MediaPlan {
  const limit = options.inlineBytes ?? DEFAULT_INLINE_BYTES;
  const bySha = new Map<string, MediaFile>();
  const paths = new Set<string>();
  const kinds = new Map<string, number>();
  let inlineTotal = 0;
  for (const part of mediaParts(doc)) {
    if (bySha.has(part.sha256)) continue;
    const bytes = part.bytes;
    const upload =
      !options.inlineOnly &&
      bytes !== undefined &&
      (bytes > limit || inlineTotal + bytes > INLINE_TOTAL_BYTES);
    if (!upload) inlineTotal += bytes ?? 0;
    const kind = variableKind(part.mimeType);
    const count = (kinds.get(kind) ?? 0) + 1;
    kinds.set(kind, count);
    const path = options.files?.[part.sha256] ?? unusedPath(localName(part), paths);
    paths.add(path);
    bySha.set(part.sha256, {
      sha256: part.sha256,
      mimeType: part.mimeType,
      path,
      variable: `${kind}${count}`,
      upload,
      ...(bytes !== undefined && { bytes }),
    });
  }
  const lookup: MediaLookup = (part) => {
    const data = PLACEHOLDER + part.sha256;
    // Each part keeps its own type, as Run sends it, even where one file is named twice.
    return bySha.get(part.sha256)?.upload
      ? { fileData: { fileUri: data, mimeType: part.mimeType } }
      : { inlineData: { mimeType: part.mimeType, data } };
  };
  return {
    files: [...bySha.values()],
    lookup,
    placeholder: (value) =>
      typeof value === "string" && value.startsWith(PLACEHOLDER)
        ? bySha.get(value.slice(PLACEHOLDER.length))
        : undefined,
    embedded: (value) => {
      if (typeof value !== "string") return undefined;
      const at = value.indexOf(PLACEHOLDER);
      const end = at + PLACEHOLDER.length + 64;
      const file = at < 0 ? undefined : bySha.get(value.slice(at + PLACEHOLDER.length, end));
      return file && { before: value.slice(0, at), file, after: value.slice(end) };
    },
  };
}

function mediaParts(doc: PromptDoc): MediaPart[] {
  return doc.contents.flatMap((turn) => turn.parts.filter((p) => p.kind === "media"));
}

function variableKind(mimeType: string): string {
  const [type, subtype] = mimeType.toLowerCase().split("/");
  if (type === "image" || type === "audio" || type === "video") return type;
  return subtype === "pdf" ? "pdf" : "file";
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  "image/jpeg": "jpg",
  "audio/mpeg": "mp3",
  "audio/wave": "wav",
  "audio/x-wav": "wav",
  "text/plain": "txt",
  "text/markdown": "md",
};

/** The file's own name without folders, or its hash with an extension for its type. */
function localName(part: MediaPart): string {
  const base = part.name?.split(/[\\/]/).at(-1)?.trim();
  if (base && base !== "." && base !== "..") return base;
  const mime = part.mimeType.toLowerCase();
  const subtype = mime.split("/")[1]?.replace(/[^a-z0-9]/g, "") || "bin";
  return `${part.sha256.slice(0, 12)}.${EXTENSIONS[mime] ?? subtype}`;
}

/** Two different files with one name get `-2`, `-3`… before the extension. */
function unusedPath(name: string, used: ReadonlySet<string>): string {
  if (!used.has(name)) return name;
  const dot = name.lastIndexOf(".");
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${extension}`;
    if (!used.has(candidate)) return candidate;
  }
}
