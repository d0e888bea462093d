/**
 * Deterministic token accounting. Real tokenisers are not reproducible offline, so the emulator
 * uses a documented rule instead: text costs ceil(characters / 4) tokens and every part costs at
 * least one; media costs a flat amount per modality, as Gemini bills images (258 per image).
 * countTokens and a generation's promptTokenCount share this code, so they always agree.
 */
import type { JsonValue, ModalityTokenCount, TokenCount, WireContent, WirePart } from "./types";

export const CHARS_PER_TOKEN = 4;
const IMAGE_TOKENS = 258;

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

/** Base64 length → bytes, without decoding megabytes just to count them. */
function base64Bytes(data: string | undefined): number {
  if (!data) return 0;
  const padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - padding;
}

function mediaTokens(modality: Modality, bytes: number): number {
  switch (modality) {
    case "IMAGE":
    case "DOCUMENT":
      return IMAGE_TOKENS;
    // Roughly 32 tokens per second of 16 kB/s audio, 258 per second of modest video.
    case "AUDIO":
      return Math.max(1, Math.ceil(bytes / 500));
    case "VIDEO":
      return Math.max(IMAGE_TOKENS, Math.ceil(bytes / 10_000));
    default:
      return Math.max(1, Math.ceil(bytes / CHARS_PER_TOKEN));
  }
}

function partTokens(part: WirePart): [Modality, number] {
  if (typeof part.text === "string") return ["TEXT", Math.max(1, textTokens(part.text))];
  if (part.inlineData) {
    const modality = modalityOf(part.inlineData.mimeType);
    return [modality, mediaTokens(modality, base64Bytes(part.inlineData.data))];
  }
  if (part.fileData) {
    const modality = modalityOf(part.fileData.mimeType);
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

  addContent(content: WireContent | undefined): void {
    for (const part of content?.parts ?? []) this.add(...partTokens(part));
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

export function countPromptTokens(prompt: PromptPieces): TokenCount {
  const tally = new TokenTally();
  tally.addContent(prompt.systemInstruction);
  for (const content of prompt.contents) tally.addContent(content);
  if (prompt.tools && prompt.tools.length > 0) tally.addJson(prompt.tools);
  return tally.result();
}

/** What a part of the answer bills as candidate tokens; empty text parts cost nothing. */
export function outputTokens(part: WirePart): number {
  if (typeof part.text === "string") return textTokens(part.text);
  const { thought: _t, thoughtSignature: _s, ...payload } = part;
  return textTokens(JSON.stringify(payload));
}
