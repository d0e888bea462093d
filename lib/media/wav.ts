/**
 * WAV (RIFF, integer PCM) in and out, isomorphic: the recorder encodes the microphone as WAV
 * because Gemini lists audio/wav but not the WebM/Opus that Chromium's MediaRecorder produces,
 * and Gemini's speech output is headerless PCM that an <audio> element can only play once it has
 * a WAV header in front of it.
 */

export const WAV_MIME_TYPE = "audio/wav";

/** The canonical header: RIFF descriptor (12 bytes) + `fmt ` chunk (24) + `data` chunk header (8). */
export const WAV_HEADER_BYTES = 44;

export interface PcmFormat {
  sampleRate: number;
  /** Interleaved channels; 1 unless given. */
  channels?: number;
  /** 8 (unsigned), 16, 24 or 32 (signed, little-endian); 16 unless given. */
  bitsPerSample?: number;
}

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Where the samples start and how many bytes of them the buffer actually holds. */
  dataOffset: number;
  dataBytes: number;
  durationSeconds: number;
}

const SUPPORTED_BITS = new Set([8, 16, 24, 32]);
// 16-bit PCM is asymmetric (-32768…32767): scaling each sign by its own limit maps ±1 onto both
// ends exactly instead of overflowing +1 into -32768.
const INT16_NEGATIVE = 0x8000;
const INT16_POSITIVE = 0x7fff;

function checkFormat(sampleRate: number, channels: number, bitsPerSample: number): void {
  if (!Number.isInteger(sampleRate) || sampleRate < 1 || sampleRate > 0xffffffff) {
    throw new RangeError(`A WAV sample rate must be a positive whole number, not ${sampleRate}.`);
  }
  if (!Number.isInteger(channels) || channels < 1 || channels > 0xffff) {
    throw new RangeError(`A WAV file needs 1 or more channels, not ${channels}.`);
  }
  if (!SUPPORTED_BITS.has(bitsPerSample)) {
    throw new RangeError(`WAV PCM samples are 8, 16, 24 or 32 bits, not ${bitsPerSample}.`);
  }
}

/** Writes the 44-byte header for `dataBytes` of samples at the start of `out`. */
function writeHeader(
  out: Uint8Array,
  dataBytes: number,
  sampleRate: number,
  channels: number,
  bitsPerSample: number,
): void {
  const view = new DataView(out.buffer, out.byteOffset, WAV_HEADER_BYTES);
  const blockAlign = channels * (bitsPerSample / 8);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
  };
  // RIFF chunks are word-aligned: an odd data chunk is followed by a pad byte the RIFF size counts.
  const padded = dataBytes + (dataBytes % 2);
  ascii(0, "RIFF");
  view.setUint32(4, 36 + padded, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // WAVE_FORMAT_PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, bitsPerSample, true);
  ascii(36, "data");
  view.setUint32(40, dataBytes, true);
}

/**
 * Float samples (-1…1, one array per channel, or one array for mono) as a 16-bit PCM WAV file.
 * Out-of-range samples are clamped rather than wrapped, and NaN becomes silence, so a hot
 * microphone clips audibly instead of turning into loud noise.
 */
export function encodeWav(
  channels: readonly Float32Array[] | Float32Array,
  sampleRate: number,
): Uint8Array<ArrayBuffer> {
  const list = channels instanceof Float32Array ? [channels] : channels;
  checkFormat(sampleRate, list.length, 16);
  const frames = list[0]?.length ?? 0;
  if (list.some((c) => c.length !== frames)) {
    throw new RangeError("Every channel of a WAV file must have the same number of samples.");
  }
  const dataBytes = frames * list.length * 2;
  const out = new Uint8Array(WAV_HEADER_BYTES + dataBytes);
  writeHeader(out, dataBytes, sampleRate, list.length, 16);
  const view = new DataView(out.buffer, WAV_HEADER_BYTES, dataBytes);
  let at = 0;
  for (let frame = 0; frame < frames; frame++) {
    for (const channel of list) {
      const s = channel[frame] ?? 0;
      const clamped = Number.isNaN(s) ? 0 : Math.max(-1, Math.min(1, s));
      const value = clamped < 0 ? clamped * INT16_NEGATIVE : clamped * INT16_POSITIVE;
      view.setInt16(at, Math.round(value), true);
      at += 2;
    }
  }
  return out;
}

/**
 * Little-endian PCM bytes (one buffer, or the chunks of a stream in order) behind a WAV header.
 * The samples are copied exactly once, straight into the result. A trailing partial frame is
 * dropped: players disagree about what to do with one.
 */
export function pcmToWav(
  pcm: Uint8Array | readonly Uint8Array[],
  format: PcmFormat,
): Uint8Array<ArrayBuffer> {
  const { sampleRate, channels = 1, bitsPerSample = 16 } = format;
  checkFormat(sampleRate, channels, bitsPerSample);
  const parts = pcm instanceof Uint8Array ? [pcm] : pcm;
  const blockAlign = channels * (bitsPerSample / 8);
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const dataBytes = total - (total % blockAlign);
  const out = new Uint8Array(WAV_HEADER_BYTES + dataBytes + (dataBytes % 2));
  writeHeader(out, dataBytes, sampleRate, channels, bitsPerSample);
  let at = WAV_HEADER_BYTES;
  const end = WAV_HEADER_BYTES + dataBytes;
  for (const part of parts) {
    if (at >= end) break;
    const take = Math.min(part.byteLength, end - at);
    out.set(take === part.byteLength ? part : part.subarray(0, take), at);
    at += take;
  }
  return out;
}

const readAscii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/**
 * The format and length of an integer-PCM WAV file, walking its chunks (so `LIST` and other
 * chunks before `data` are skipped); null if it isn't one. A `data` size larger than the buffer
 * (streamed files write 0xFFFFFFFF) counts only the bytes present.
 */
export function readWavInfo(bytes: Uint8Array): WavInfo | null {
  if (bytes.byteLength < 12 || readAscii(bytes, 0, 4) !== "RIFF") return null;
  if (readAscii(bytes, 8, 4) !== "WAVE") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: Omit<WavInfo, "dataOffset" | "dataBytes" | "durationSeconds"> | undefined;
  let byteRate = 0;
  let at = 12;
  while (at + 8 <= bytes.byteLength) {
    const id = readAscii(bytes, at, 4);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === "fmt ") {
      if (size < 16 || body + 16 > bytes.byteLength) return null;
      const tag = view.getUint16(body, true);
      // 1 = PCM; 0xFFFE = WAVE_FORMAT_EXTENSIBLE, which wraps PCM for more than two channels.
      if (tag !== 1 && tag !== 0xfffe) return null;
      format = {
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
      byteRate = view.getUint32(body + 8, true);
    } else if (id === "data") {
      if (!format || byteRate === 0) return null;
      const dataBytes = Math.min(size, bytes.byteLength - body);
      return { ...format, dataOffset: body, dataBytes, durationSeconds: dataBytes / byteRate };
    }
    at = body + size + (size % 2);
  }
  return null;
}

/** How long a WAV file plays, in seconds; null if the bytes aren't a PCM WAV file. */
export function wavDurationSeconds(bytes: Uint8Array): number | null {
  return readWavInfo(bytes)?.durationSeconds ?? null;
}

/** Averages channels into one, for mono output from a stereo microphone. */
export function mixToMono(channels: readonly Float32Array[]): Float32Array {
  const [first, ...rest] = channels;
  if (!first) return new Float32Array(0);
  if (rest.length === 0) return first;
  const mono = new Float32Array(first.length);
  for (const channel of channels) {
    for (let i = 0; i < mono.length; i++) mono[i] = (mono[i] ?? 0) + (channel[i] ?? 0);
  }
  for (let i = 0; i < mono.length; i++) mono[i] = (mono[i] ?? 0) / channels.length;
  return mono;
}
