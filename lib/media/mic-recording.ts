import { encodeWav, mixToMono, WAV_MIME_TYPE } from "./wav";

/**
 * The parts of microphone recording that are not React: the format and limits, what each
 * getUserMedia failure means for a person, the file name, the meter's scale, and turning what
 * MediaRecorder produced into a 16 kHz mono WAV (see lib/hooks/use-audio-recorder.ts).
 */
export const RECORDING_SAMPLE_RATE = 16_000;
export const MAX_RECORDING_SECONDS = 10 * 60;

export const MIC_BLOCKED_MESSAGE =
  "Microphone access was blocked. Allow the microphone for this site in the browser's settings, then try again.";
export const NO_MIC_MESSAGE =
  "No microphone was found. Connect one, or attach an audio file instead.";
export const INSECURE_PAGE_MESSAGE =
  "Recording needs a secure page: open the playground over HTTPS or on localhost, or attach an audio file instead.";
export const UNSUPPORTED_MESSAGE = "This browser can't record audio. Attach an audio file instead.";

function errorName(error: unknown): string {
  if (typeof error === "object" && error !== null && "name" in error) return String(error.name);
  return "Error";
}

export function errorLabel(error: unknown): string {
  const message = error instanceof Error || error instanceof DOMException ? error.message : "";
  return message ? `${errorName(error)}: ${message}` : errorName(error);
}

/** What to tell a person whose microphone didn't start. */
export function describeMicError(error: unknown): string {
  switch (errorName(error)) {
    case "NotAllowedError":
    case "SecurityError":
    case "PermissionDeniedError":
      return MIC_BLOCKED_MESSAGE;
    case "NotFoundError":
    case "OverconstrainedError":
    case "DevicesNotFoundError":
      return NO_MIC_MESSAGE;
    case "NotReadableError":
    case "TrackStartError":
      return "The microphone couldn't be started; another app may be using it. Close that app, then try again.";
    default:
      return `Could not start recording (${errorLabel(error)}).`;
  }
}

/** `recording-2026-11-24-113501.wav`, in local time, so files sort and read naturally. */
export function recordingFileName(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  const time = `${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
  return `recording-${day}-${time}.wav`;
}

const LEVEL_FLOOR_DB = -60;

/** RMS loudness of one analyser frame on a -60…0 dBFS scale, as 0–1: how meters read to people. */
export function levelFromSamples(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  const rms = samples.length > 0 ? Math.sqrt(sum / samples.length) : 0;
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - LEVEL_FLOOR_DB) / -LEVEL_FLOOR_DB));
}

/** The decoded recording, resampled and mixed down, as a WAV file. */
export async function toWavFile(encoded: Blob, name: string) {
  // Decoding resamples to the context's rate, so this one native call is the whole resampler.
  const decoder = new OfflineAudioContext(1, 1, RECORDING_SAMPLE_RATE);
  const audio = await decoder.decodeAudioData(await encoded.arrayBuffer());
  const channels = Array.from({ length: audio.numberOfChannels }, (_, i) =>
    audio.getChannelData(i),
  );
  const wav = encodeWav(mixToMono(channels), audio.sampleRate);
  return { file: new File([wav], name, { type: WAV_MIME_TYPE }), durationSeconds: audio.duration };
}
