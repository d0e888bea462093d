/**
 * What the emulator can say about a piece of media without decoding it, and the echo line that
 * says it. The line format is a contract for tests across the repo (native/answer.ts lists it):
 *
 *   - Media N: <mimeType>, <bytes> bytes, sha256 <12 hex>[, <W>×<H> px][, <S.SS> s][, file <files/id>]
 */
import { audioSeconds } from "./audio-header";
import { type ImageFormat, readImageHeader } from "./image-header";

export interface HeaderFacts {
  imageFormat?: ImageFormat;
  width?: number;
  height?: number;
  seconds?: number;
}

export interface MediaFacts extends HeaderFacts {
  mimeType: string;
  bytes: number;
  /** Lowercase hex SHA-256 of the bytes. */
  sha256: string;
  /** `files/<id>` when the media came through the Files API. */
  file?: string;
}

/** `head` may be only the start of the media; `totalBytes` is its full length. */
export function readHeaderFacts(
  mimeType: string,
  head: Uint8Array,
  totalBytes = head.length,
): HeaderFacts {
  const facts: HeaderFacts = {};
  const image = readImageHeader(head);
  if (image) {
    facts.imageFormat = image.format;
    if (image.width && image.height) {
      facts.width = image.width;
      facts.height = image.height;
    }
    return facts;
  }
  const seconds = audioSeconds(mimeType, head, totalBytes);
  if (seconds !== undefined) facts.seconds = seconds;
  return facts;
}

export function describeMedia(index: number, facts: MediaFacts): string {
  let line = `- Media ${index}: ${facts.mimeType}, ${facts.bytes} bytes, sha256 ${facts.sha256.slice(0, 12)}`;
  if (facts.width && facts.height) line += `, ${facts.width}×${facts.height} px`;
  if (facts.seconds !== undefined) line += `, ${facts.seconds.toFixed(2)} s`;
  if (facts.file) line += `, file ${facts.file}`;
  return line;
}
