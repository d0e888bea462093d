import "server-only";
import { parsePcmMimeType } from "@/lib/media/audio-mime";
import { putBytes } from "@/lib/media/blob-store";
import type { StoredMedia } from "@/lib/media/types";
import { type PcmFormat, pcmToWav } from "@/lib/media/wav";
import type { ChunkData } from "@/lib/run/events";

/**
 * Generated images and speech arrive as base64 inside a chunk. They are stored as blobs and the
 * part is replaced by a reference, `{ media: StoredMedia }`: the event stream stays small, the
 * browser loads the file like any attachment, and the model's turn can be kept in the prompt
 * document (which references media by hash) for an edit loop. Speech comes as raw PCM, which
 * no browser plays, so it is stored as the WAV it describes.
 */
export interface StoredMediaWirePart {
  media: StoredMedia;
  thoughtSignature?: string;
}

export function hasInlineData(chunk: ChunkData): boolean {
  return !!chunk.candidates?.some((c) => c.content?.parts?.some((p) => p.inlineData?.data));
}

export async function storeGeneratedMedia(chunk: ChunkData): Promise<ChunkData> {
  if (!hasInlineData(chunk)) return chunk;
  const candidates = await Promise.all(
    (chunk.candidates ?? []).map(async (candidate) => {
      const parts = candidate.content?.parts;
      if (!parts) return candidate;
      const stored = await Promise.all(
        parts.map(async (part) => {
          const { inlineData, thoughtSignature } = part;
          if (!inlineData?.data || !inlineData.mimeType) return part;
          const media = await storeBase64(inlineData.data, inlineData.mimeType);
          const wire: StoredMediaWirePart = {
            media,
            ...(thoughtSignature && { thoughtSignature }),
          };
          return wire as typeof part;
        }),
      );
      return { ...candidate, content: { ...candidate.content, parts: stored } };
    }),
  );
  return { ...chunk, candidates };
}

export async function storeBase64(data: string, mimeType: string): Promise<StoredMedia> {
  let bytes: Uint8Array = Buffer.from(data, "base64");
  let type = mimeType;
  const pcm = parsePcmMimeType(mimeType);
  if (pcm) {
    bytes = pcmToWav(bytes, pcm);
    type = "audio/wav";
  }
  const blob = await putBytes(bytes, type);
  const name = `${type.startsWith("audio/") ? "speech" : "image"}-${blob.sha256.slice(0, 8)}.${extension(type)}`;
  return { sha256: blob.sha256, mimeType: type, bytes: blob.bytes, name };
}

function extension(mimeType: string): string {
  const sub = mimeType.split("/")[1]?.split(";")[0] ?? "bin";
  return sub === "jpeg" ? "jpg" : sub;
}

/**
 * Streamed speech arrives as many short PCM pieces, one per chunk. They are taken out of the
 * chunks as they pass and stored at the end as one WAV, which is what a person plays and
 * downloads (and one part is what the next turn sends back).
 */
export function speechCollector() {
  const pieces: Uint8Array[] = [];
  let format: PcmFormat | undefined;
  let thoughtSignature: string | undefined;
  return {
    take(chunk: ChunkData): ChunkData {
      const candidate = chunk.candidates?.[0];
      const parts = candidate?.content?.parts;
      if (
        !candidate ||
        !parts?.some((p) => p.inlineData && parsePcmMimeType(p.inlineData.mimeType ?? ""))
      ) {
        return chunk;
      }
      const kept = parts.filter((part) => {
        const pcm = part.inlineData?.data && parsePcmMimeType(part.inlineData.mimeType ?? "");
        if (!pcm || !part.inlineData?.data) return true;
        format ??= pcm;
        thoughtSignature ??= part.thoughtSignature;
        pieces.push(Buffer.from(part.inlineData.data, "base64"));
        return false;
      });
      const rest = chunk.candidates?.slice(1) ?? [];
      return {
        ...chunk,
        candidates: [{ ...candidate, content: { ...candidate.content, parts: kept } }, ...rest],
      };
    },
    async finish(): Promise<ChunkData | undefined> {
      if (!format || pieces.length === 0) return undefined;
      const blob = await putBytes(pcmToWav(pieces, format), "audio/wav");
      const media: StoredMedia = {
        sha256: blob.sha256,
        mimeType: "audio/wav",
        bytes: blob.bytes,
        name: `speech-${blob.sha256.slice(0, 8)}.wav`,
      };
      const part: StoredMediaWirePart = { media, ...(thoughtSignature && { thoughtSignature }) };
      return { candidates: [{ content: { role: "model", parts: [part as never] }, index: 0 }] };
    },
  };
}
