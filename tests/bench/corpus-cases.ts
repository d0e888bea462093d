import { splitText } from "@/lib/emulator/native/chunking";
import { type CorpusName, corpusText } from "@/lib/emulator/native/corpus";
import { CHARS_PER_TOKEN } from "@/lib/emulator/native/tokens";

/**
 * How each corpus text is paced: one chunk every 50 ms, at least 30 tokens (120 characters) a
 * chunk, which is what a fast model sends. At that size the biggest texts (200,000 characters)
 * would stream for minutes, so chunks grow to keep every case within 240 of them (~12 s).
 */
export const CHUNK_INTERVAL_MS = 50;
export const MIN_CHUNK_TOKENS = 30;
export const MAX_CHUNKS = 240;

export interface CorpusCase {
  name: CorpusName;
  chars: number;
  chunkTokens: number;
  /** Tokens per second: `chunkTokens` every 50 ms. */
  rate: number;
  /** The text exactly as the emulator cuts it into SSE events. */
  chunks: string[];
  /** How long the stream takes at that pace. */
  nominalMs: number;
}

export function corpusCase(name: CorpusName): CorpusCase {
  const text = corpusText(name);
  const chunkTokens = Math.max(
    MIN_CHUNK_TOKENS,
    Math.ceil(text.length / CHARS_PER_TOKEN / MAX_CHUNKS),
  );
  const chunks = splitText(text, chunkTokens);
  return {
    name,
    chars: text.length,
    chunkTokens,
    rate: (chunkTokens * 1000) / CHUNK_INTERVAL_MS,
    chunks,
    nominalMs: chunks.length * CHUNK_INTERVAL_MS,
  };
}

export const corpusPrompt = (c: CorpusCase) =>
  `Stream the corpus.\n#emulator corpus=${c.name} rate=${c.rate}/s chunk=${c.chunkTokens}`;
