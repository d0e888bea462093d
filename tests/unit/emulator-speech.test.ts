import { describe, expect, it } from "vitest";
import { findModel } from "@/lib/emulator/catalogue/catalogue";
import { outputKind } from "@/lib/emulator/media/output-kind";
import {
  SPEECH_SAMPLE_RATE,
  scriptWords,
  speechSeconds,
  synthesizeSpeech,
} from "@/lib/emulator/media/pcm-speech";
import { speakerVoices } from "@/lib/emulator/media/speech-config";

function samples(pcm: Uint8Array): Int16Array {
  const view = new DataView(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  return Int16Array.from({ length: pcm.byteLength / 2 }, (_, i) => view.getInt16(i * 2, true));
}

function rms(values: Int16Array): number {
  return Math.sqrt(values.reduce((sum, v) => sum + v * v, 0) / Math.max(1, values.length));
}

describe("PCM speech", () => {
  it("lasts 0.3 s per word at 24 kHz, 16-bit, and never less than a second", () => {
    const words = scriptWords("one two three four five six seven", [{ voice: "Kore" }]);
    expect(words).toHaveLength(7);
    const pcm = synthesizeSpeech(words);
    expect(pcm.byteLength).toBe(Math.round(7 * 0.3 * SPEECH_SAMPLE_RATE) * 2);
    expect(speechSeconds(7)).toBeCloseTo(2.1);
    expect(synthesizeSpeech(scriptWords("Hi!", [{ voice: "Kore" }])).byteLength).toBe(48_000);
    expect(synthesizeSpeech([]).byteLength).toBe(48_000);
  });

  it("is audible while words are spoken and silent between them", () => {
    const pcm = samples(synthesizeSpeech(scriptWords("hello there", [{ voice: "Puck" }])));
    const slot = 0.3 * SPEECH_SAMPLE_RATE;
    expect(rms(pcm.subarray(slot * 0.2, slot * 0.6))).toBeGreaterThan(2000);
    expect(rms(pcm.subarray(slot * 0.85, slot))).toBe(0);
    // After the last word the second is padded with silence.
    expect(rms(pcm.subarray(slot * 2))).toBe(0);
  });

  it("gives each voice its own sound and is deterministic", () => {
    const kore = synthesizeSpeech(scriptWords("same words", [{ voice: "Kore" }]));
    expect(synthesizeSpeech(scriptWords("same words", [{ voice: "Kore" }]))).toEqual(kore);
    expect(synthesizeSpeech(scriptWords("same words", [{ voice: "Charon" }]))).not.toEqual(kore);
  });

  it("switches voice on a speaker label and does not read the label aloud", () => {
    const speakers = [
      { speaker: "Joe", voice: "Kore" },
      { speaker: "Jane", voice: "Puck" },
    ];
    const words = scriptWords("Joe: How are you?\nJane: Fine, thanks.", speakers);
    expect(words).toEqual([
      { text: "How", voice: "Kore" },
      { text: "are", voice: "Kore" },
      { text: "you?", voice: "Kore" },
      { text: "Fine,", voice: "Puck" },
      { text: "thanks.", voice: "Puck" },
    ]);
  });
});

describe("speech config", () => {
  it("accepts prebuilt voices in any case and defaults to one", () => {
    expect(speakerVoices(undefined)).toEqual([{ voice: "Kore" }]);
    expect(speakerVoices({ voiceConfig: { prebuiltVoiceConfig: { voiceName: "puck" } } })).toEqual([
      { voice: "Puck" },
    ]);
  });

  it("names an unknown voice and lists the allowed ones", () => {
    expect(() =>
      speakerVoices({ voiceConfig: { prebuiltVoiceConfig: { voiceName: "Robot" } } }),
    ).toThrow(/^Voice name Robot is not supported\. Allowed voice names are: achernar, achird, /);
  });

  it("wants exactly two named speakers, with valid voices", () => {
    const speaker = (name: string, voice: string) => ({
      speaker: name,
      voiceConfig: { prebuiltVoiceConfig: { voiceName: voice } },
    });
    const multi = (...list: ReturnType<typeof speaker>[]) => ({
      multiSpeakerVoiceConfig: { speakerVoiceConfigs: list },
    });
    expect(speakerVoices(multi(speaker("A", "Kore"), speaker("B", "Zephyr")))).toEqual([
      { speaker: "A", voice: "Kore" },
      { speaker: "B", voice: "Zephyr" },
    ]);
    expect(() => speakerVoices(multi(speaker("A", "Kore")))).toThrow(
      "exactly 2 speaker voice configs are required, got 1",
    );
    expect(() =>
      speakerVoices(multi(speaker("A", "Kore"), speaker("B", "Kore"), speaker("C", "Kore"))),
    ).toThrow("got 3");
    expect(() => speakerVoices(multi(speaker("A", "Kore"), speaker("B", "Nobody")))).toThrow(
      "Voice name Nobody is not supported",
    );
    expect(() => speakerVoices(multi(speaker("A", "Kore"), speaker(" ", "Puck")))).toThrow(
      "speaker is required",
    );
  });
});

describe("output kind", () => {
  const model = (id: string) => {
    const entry = findModel(id);
    if (!entry) throw new Error(`no ${id} in the catalogue`);
    return entry;
  };

  it("lets image models answer TEXT and IMAGE, both by default", () => {
    const image = model("gemini-2.5-flash-image");
    expect(outputKind(image, {})).toEqual({ kind: "image", withText: true });
    expect(outputKind(image, { responseModalities: ["IMAGE"] })).toEqual({
      kind: "image",
      withText: false,
    });
    expect(outputKind(image, { responseModalities: ["TEXT"] })).toEqual({ kind: "text" });
    expect(() => outputKind(image, { responseModalities: ["AUDIO"] })).toThrow(
      "Model does not support the requested response modalities: audio",
    );
  });

  it("refuses media from text models and text from speech models", () => {
    expect(() =>
      outputKind(model("gemini-2.5-flash"), { responseModalities: ["TEXT", "IMAGE"] }),
    ).toThrow("Model does not support the requested response modalities: image");
    const tts = model("gemini-3.1-flash-tts-preview");
    expect(outputKind(tts, { responseModalities: ["AUDIO"] })).toEqual({ kind: "speech" });
    expect(() => outputKind(tts, {})).toThrow(
      "Model does not support the requested response modalities: text",
    );
    expect(outputKind(model("gemini-2.5-pro"), {})).toEqual({ kind: "text" });
  });
});
