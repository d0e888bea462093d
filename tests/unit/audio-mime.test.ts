import { describe, expect, it } from "vitest";
import { GEMINI_SPEECH_SAMPLE_RATE, isPcmMimeType, parsePcmMimeType } from "@/lib/media/audio-mime";
import { pcmToWav, wavDurationSeconds } from "@/lib/media/wav";

describe("parsePcmMimeType", () => {
  it.each([
    ["audio/L16;codec=pcm;rate=24000", 24_000, 1],
    ["audio/pcm;rate=16000", 16_000, 1],
    ["AUDIO/l16; Codec=PCM; Rate=44100", 44_100, 1],
    ['audio/L16;rate="22050";channels=2', 22_050, 2],
    ["audio/x-pcm;rate=8000", 8_000, 1],
  ])("reads %s", (mimeType, sampleRate, channels) => {
    expect(parsePcmMimeType(mimeType)).toEqual({ sampleRate, channels, bitsPerSample: 16 });
  });

  it("assumes Gemini's 24 kHz speech rate when the rate is left out", () => {
    expect(parsePcmMimeType("audio/pcm")).toEqual({
      sampleRate: GEMINI_SPEECH_SAMPLE_RATE,
      channels: 1,
      bitsPerSample: 16,
    });
    expect(GEMINI_SPEECH_SAMPLE_RATE).toBe(24_000);
  });

  it.each([
    "audio/wav",
    "audio/mpeg",
    "audio/ogg;codecs=opus",
    "audio/webm;codecs=opus",
    "image/png",
    "",
    "audio/L16;codec=opus;rate=24000",
    "audio/L16;rate=fast",
    "audio/L16;rate=0",
    "audio/L16;rate=-16000",
    "audio/L16;rate=16000.5",
    "audio/pcm;rate=16000;channels=0",
  ])("is null for %j", (mimeType) => {
    expect(parsePcmMimeType(mimeType)).toBeNull();
    expect(isPcmMimeType(mimeType)).toBe(false);
  });

  it("gives pcmToWav what it needs to play Gemini's speech at the right speed", () => {
    const format = parsePcmMimeType("audio/L16;codec=pcm;rate=24000");
    if (!format) throw new Error("expected a PCM format");
    // Two seconds of 24 kHz 16-bit mono.
    expect(wavDurationSeconds(pcmToWav(new Uint8Array(96_000), format))).toBe(2);
  });
});
