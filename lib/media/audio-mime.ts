import type { PcmFormat } from "./wav";

/**
 * Gemini's speech output arrives as headerless PCM named by its MIME type, e.g.
 * `audio/L16;codec=pcm;rate=24000` (TTS) or `audio/pcm;rate=16000` (Live API). Gemini's samples
 * are little-endian whatever the name says (RFC 2586's audio/L16 is big-endian), so the format
 * parsed here is what `pcmToWav` needs to make them playable.
 */

/** The rate Gemini's speech output uses, for a PCM type that leaves `rate` out. */
export const GEMINI_SPEECH_SAMPLE_RATE = 24_000;

const PCM_TYPES: Record<string, number> = {
  "audio/l16": 16,
  "audio/pcm": 16,
  "audio/x-pcm": 16,
};

/** A parameter's whole positive number: undefined when absent, NaN when malformed. */
function positiveInteger(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) return Number.NaN;
  const n = Number(value);
  return n > 0 ? n : Number.NaN;
}

/** The PCM layout a MIME type describes, or null when it names anything but raw PCM. */
export function parsePcmMimeType(mimeType: string): Required<PcmFormat> | null {
  const [type = "", ...rawParams] = mimeType.split(";");
  const bitsPerSample = PCM_TYPES[type.trim().toLowerCase()];
  if (bitsPerSample === undefined) return null;

  const params = new Map<string, string>();
  for (const raw of rawParams) {
    const eq = raw.indexOf("=");
    if (eq < 0) continue;
    const key = raw.slice(0, eq).trim().toLowerCase();
    const value = raw
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
    params.set(key, value);
  }

  const codec = params.get("codec")?.toLowerCase();
  if (codec !== undefined && codec !== "pcm") return null;
  const rate = positiveInteger(params.get("rate"));
  const channels = positiveInteger(params.get("channels"));
  if (Number.isNaN(rate) || Number.isNaN(channels)) return null;
  return {
    sampleRate: rate ?? GEMINI_SPEECH_SAMPLE_RATE,
    channels: channels ?? 1,
    bitsPerSample,
  };
}

export function isPcmMimeType(mimeType: string): boolean {
  return parsePcmMimeType(mimeType) !== null;
}
