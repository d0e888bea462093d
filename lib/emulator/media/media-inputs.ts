/**
 * The media a generation received: every inlineData/fileData part is checked the way Gemini checks
 * it (an image no decoder would open is a 400; a file must exist and be ACTIVE), and the parts of
 * the last user turn are described in echo lines with their size, hash and header facts, so a test
 * can prove the bytes arrived intact.
 */
import { base64ByteLength, decodeBase64 } from "@/lib/emulator/base64";
import { sha256Hex } from "@/lib/emulator/digest";
import { type FileStore, fileIdFromUri } from "@/lib/emulator/files/file-store";
import { lastUserContent } from "@/lib/emulator/text";
import type { WireContent, WirePart } from "@/lib/emulator/types";
import { fileAccessDenied, fileNotActive, invalidArgument } from "@/lib/emulator/validation/errors";
import { describeMedia, type MediaFacts, readHeaderFacts } from "./media-facts";

export const UNREADABLE_IMAGE_MESSAGE =
  "Unable to process input image. Please retry or report in https://developers.generativeai.google/guide/troubleshooting";

/** Enough of an earlier turn's media to find its format; the frame size of a JPEG may lie deeper. */
const HEAD_BYTES = 256 * 1024;

export interface MediaInputs {
  /** Echo lines for the last user turn, `- Media N: …`. */
  lines: string[];
  /** SHA-256 (hex) of each medium in the last user turn, in part order. */
  hashes: string[];
}

export async function inspectMedia(
  contents: WireContent[],
  files: FileStore,
): Promise<MediaInputs> {
  const last = lastUserContent(contents);
  const inputs: MediaInputs = { lines: [], hashes: [] };
  for (const content of contents) {
    for (const part of content.parts) {
      if (!part.inlineData && !part.fileData) continue;
      const current = content === last;
      const facts = await inspectPart(part, files, current);
      if (current && facts) {
        inputs.hashes.push(facts.sha256);
        inputs.lines.push(describeMedia(inputs.lines.length + 1, facts));
      }
    }
  }
  return inputs;
}

/** Full facts for the current turn; earlier turns are only checked (their header, no hash). */
async function inspectPart(
  part: WirePart,
  files: FileStore,
  full: boolean,
): Promise<MediaFacts | undefined> {
  if (part.fileData) return fileFacts(part.fileData, files);
  const inline = part.inlineData ?? {};
  const mimeType = inline.mimeType ?? "";
  const data = inline.data ?? "";
  const bytes = decodeBase64(data, full ? undefined : HEAD_BYTES);
  if (!bytes) {
    throw invalidArgument(
      "Invalid value at 'contents.parts.inline_data.data' (TYPE_BYTES), Base64 decoding failed.",
    );
  }
  const total = full ? bytes.byteLength : base64ByteLength(data);
  const facts = readHeaderFacts(mimeType, bytes, total);
  checkImage(mimeType, facts.imageFormat);
  if (!full) return undefined;
  return { mimeType, bytes: total, sha256: await sha256Hex(bytes), ...facts };
}

function fileFacts(fileData: NonNullable<WirePart["fileData"]>, files: FileStore): MediaFacts {
  const uri = fileData.fileUri ?? "";
  const id = fileIdFromUri(uri);
  if (id === undefined) {
    throw invalidArgument(`Invalid or unsupported file uri: ${uri}`);
  }
  const file = files.get(id);
  if (!file) throw fileAccessDenied(id);
  if (!files.isActive(file)) throw fileNotActive(id);
  const mimeType = fileData.mimeType || file.mimeType;
  checkImage(mimeType, file.facts.imageFormat);
  return {
    mimeType,
    bytes: file.bytes.byteLength,
    sha256: file.sha256,
    ...file.facts,
    file: `files/${file.id}`,
  };
}

/** Gemini decodes every image it is sent; bytes of no image format it knows fail the request. */
function checkImage(mimeType: string, format: string | undefined): void {
  if (mimeType.toLowerCase().startsWith("image/") && format === undefined) {
    throw invalidArgument(UNREADABLE_IMAGE_MESSAGE);
  }
}
