/**
 * Deterministic token accounting. Real tokenisers are not reproducible offline, so the emulator
 * uses a documented rule instead: text costs ceil(characters / 4) tokens and every part costs at
 * least one; media costs a flat amount per modality, as Gemini bills images (258 per image), and
 * audio 32 tokens per second when its length can be read from the header (WAV, raw PCM).
 * countTokens and a generation's promptTokenCount share this code, so they always agree.
 */

import { base64ByteLength, decodeBase64 } from "@/lib/emulator/base64";
import { audioSeconds } from "@/lib/emulator/media/audio-header";
import type {
  JsonValue,
  ModalityTokenCount,
  TokenCount,
  WireContent,
  WirePart,
} from "@/lib/emulator/types";

export const CHARS_PER_TOKEN = 4;
const IMAGE_TOKENS = 258;
const AUDIO_TOKENS_PER_SECOND = 32;
/** Enough of a WAV to reach its `data` chunk header past the usual metadata chunks. */
const AUDIO_HEAD_BYTES = 4096;

/** What the Files API knows about an uploaded file, for billing `fileData` parts. */
export type FileFactsLookup = (
  uri: string,
) => { mimeType: string; bytes: number; seconds?: number } | undefined;

export function textTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

type Modality = ModalityTokenCount["modality"];

function modalityOf(mimeType: string | undefined): Modality {
  if (!mimeType) return "TEXT";
  if (mimeType.startsWith("image/")) return "IMAGE";
  if (mimeType.startsWith("audio/")) return "AUDIO";
  if (mimeType.startsWith("video/")) return "VIDEO";
  if (mimeType === "application/pdf") return "DOCUMENT";
  return "TEXT";
}

function mediaTokens(modality: Modality, bytes: number, seconds?: number): number {
  switch (modality) {
    case "IMAGE":
    case "DOCUMENT":
      return IMAGE_TOKENS;
    // Without a readable length, roughly 32 tokens per second of 16 kB/s audio; 258 per second of
    // modest video.
    case "AUDIO":
      if (seconds !== undefined) return Math.max(1, Math.ceil(seconds * AUDIO_TOKENS_PER_SECOND));
      return Math.max(1, Math.ceil(bytes / 500));
    case "VIDEO":
      return Math.max(IMAGE_TOKENS, Math.ceil(bytes / 10_000));
    default:
      return Math.max(1, Math.ceil(bytes / CHARS_PER_TOKEN));
  }
}

function partTokens(part: WirePart, files?: FileFactsLookup): [Modality, number] {
  if (typeof part.text === "string") return ["TEXT", Math.max(1, textTokens(part.text))];
  if (part.inlineData) {
    const { mimeType = "", data = "" } = part.inlineData;
    const modality = modalityOf(mimeType);
    const bytes = base64ByteLength(data);
    const head = modality === "AUDIO" ? decodeBase64(data, AUDIO_HEAD_BYTES) : undefined;
    const seconds = head && audioSeconds(mimeType, head, bytes);
    return [modality, mediaTokens(modality, bytes, seconds)];
  }
  if (part.fileData) {
    const file = files?.(part.fileData.fileUri ?? "");
    const modality = modalityOf(part.fileData.mimeType || file?.mimeType);
    if (file) return [modality, mediaTokens(modality, file.bytes, file.seconds)];
    return [modality, modality === "TEXT" ? 1 : IMAGE_TOKENS];
  }
  const { thought: _t, thoughtSignature: _s, ...payload } = part;
  return ["TEXT", Math.max(1, textTokens(JSON.stringify(payload)))];
}

/** Tallies per modality in order of first appearance, as Google lists promptTokensDetails. */
export class TokenTally {
  private readonly counts = new Map<Modality, number>();

  add(modality: Modality, tokens: number): void {
    this.counts.set(modality, (this.counts.get(modality) ?? 0) + tokens);
  }

  addContent(content: WireContent | undefined, files?: FileFactsLookup): void {
    for (const part of content?.parts ?? []) this.add(...partTokens(part, files));
  }

  addJson(value: JsonValue | undefined): void {
    if (value !== undefined) this.add("TEXT", Math.max(1, textTokens(JSON.stringify(value))));
  }

  result(): TokenCount {
    const details = [...this.counts].map(([modality, tokenCount]) => ({ modality, tokenCount }));
    return { total: details.reduce((sum, d) => sum + d.tokenCount, 0), details };
  }
}

export interface PromptPieces {
  contents: WireContent[];
  systemInstruction?: WireContent;
  tools?: JsonValue[];
}

export function countPromptTokens(prompt: PromptPieces, files?: FileFactsLookup): TokenCount {
  const tally = new TokenTally();
  tally.addContent(prompt.systemInstruction, files);
  for (const content of prompt.contents) tally.addContent(content, files);
  if (prompt.tools && prompt.tools.length > 0) tally.addJson(prompt.tools);
  return tally.result();
}

/** What a part of the answer bills as candidate tokens; empty text parts cost nothing. */
export function outputTokens(part: WirePart): number {
  if (typeof part.text === "string") return textTokens(part.text);
  const { thought: _t, thoughtSignature: _s, ...payload } = part;
  return textTokens(JSON.stringify(payload));
}
