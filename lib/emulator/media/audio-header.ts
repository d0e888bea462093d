/**
 * Audio length from headers: WAV from its `fmt ` and `data` chunks, raw PCM (`audio/L16;rate=N`,
 * what Gemini's speech models send) from the MIME parameters. Other formats would need decoding,
 * so their length stays unknown.
 */

const ascii = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32le = (b: Uint8Array, at: number) => (u16le(b, at) | (u16le(b, at + 2) << 16)) >>> 0;

/**
 * Seconds of a RIFF/WAVE file. `totalBytes` is the length of the whole file when `bytes` is only
 * its start, so a data chunk whose size field overstates the file (streamed WAVs write 0xFFFFFFFF)
 * is measured by what is really there.
 */
export function wavSeconds(bytes: Uint8Array, totalBytes = bytes.length): number | undefined {
  if (ascii(bytes, 0) !== "RIFF" || ascii(bytes, 8) !== "WAVE") return undefined;
  let byteRate: number | undefined;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = ascii(bytes, at);
    const size = u32le(bytes, at + 4);
    if (id === "fmt ") {
      const channels = u16le(bytes, at + 10);
      const sampleRate = u32le(bytes, at + 12);
      const blockAlign = u16le(bytes, at + 20);
      const bits = u16le(bytes, at + 22);
      byteRate = sampleRate * (blockAlign || (channels * bits) / 8);
    } else if (id === "data") {
      if (!byteRate) return undefined;
      const present = Math.max(0, totalBytes - (at + 8));
      return Math.min(size, present) / byteRate;
    }
    // RIFF chunks are padded to an even length.
    at += 8 + size + (size & 1);
  }
  return undefined;
}

/** `audio/L16;codec=pcm;rate=24000` (16-bit samples; `channels=` defaults to one). */
export function pcmSeconds(mimeType: string, byteLength: number): number | undefined {
  const [type, ...params] = mimeType.split(";").map((piece) => piece.trim().toLowerCase());
  if (type !== "audio/l16" && type !== "audio/pcm") return undefined;
  const values = Object.fromEntries(params.map((param) => param.split("=") as [string, string]));
  const rate = Number(values.rate);
  const channels = Number(values.channels ?? 1);
  if (!Number.isFinite(rate) || rate <= 0 || !Number.isInteger(channels) || channels < 1) {
    return undefined;
  }
  return byteLength / (rate * channels * 2);
}

export function audioSeconds(
  mimeType: string,
  head: Uint8Array,
  totalBytes: number,
): number | undefined {
  return pcmSeconds(mimeType, totalBytes) ?? wavSeconds(head, totalBytes);
}
