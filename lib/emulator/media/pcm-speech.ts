/**
 * The emulator's "speech": 16-bit little-endian mono PCM at 24 kHz, the format Gemini's speech
 * models send (`audio/L16;codec=pcm;rate=24000`). Each word is one voiced syllable (a harmonic
 * tone under a rise-and-fall envelope, then a short pause) whose pitch comes from the speaker's
 * voice, so two speakers sound apart and a UI has something audible to play. Length is exact:
 * 0.3 s per word, at least 1 s, silence after the last word.
 */
import { fnv1a, mulberry32 } from "@/lib/emulator/hash";
import type { SpeakerVoice } from "./speech-config";

export const SPEECH_SAMPLE_RATE = 24_000;
export const SPEECH_MIME_TYPE = `audio/L16;codec=pcm;rate=${SPEECH_SAMPLE_RATE}`;
export const SECONDS_PER_WORD = 0.3;
const MIN_SECONDS = 1;
const SLOT = Math.round(SECONDS_PER_WORD * SPEECH_SAMPLE_RATE);
const VOICED = Math.round(SLOT * 0.8);
const AMPLITUDE = 0.3 * 32767;

export interface SpokenWord {
  text: string;
  voice: string;
}

/**
 * The words to speak: every whitespace-separated token with a letter or digit. In a multi-speaker
 * script a line's leading `Name:` switches to that speaker's voice and is not read aloud.
 */
export function scriptWords(text: string, speakers: SpeakerVoice[]): SpokenWord[] {
  const words: SpokenWord[] = [];
  let voice = speakers[0]?.voice ?? "";
  for (const line of text.split("\n")) {
    let rest = line;
    for (const speaker of speakers) {
      const label = speaker.speaker && `${speaker.speaker}:`;
      if (label && rest.trimStart().startsWith(label)) {
        voice = speaker.voice;
        rest = rest.trimStart().slice(label.length);
      }
    }
    for (const token of rest.split(/\s+/)) {
      if (/[\p{L}\p{N}]/u.test(token)) words.push({ text: token, voice });
    }
  }
  return words;
}

export function speechSeconds(wordCount: number): number {
  return Math.max(MIN_SECONDS, wordCount * SECONDS_PER_WORD);
}

/** Each voice's base pitch, between about 95 and 245 Hz. */
function pitchOf(voice: string): number {
  return 95 + (fnv1a(voice) % 150);
}

export function synthesizeSpeech(words: SpokenWord[]): Uint8Array {
  const samples = Math.round(speechSeconds(words.length) * SPEECH_SAMPLE_RATE);
  const pcm = new Uint8Array(samples * 2);
  const view = new DataView(pcm.buffer);
  let phase = 0;
  words.forEach((word, index) => {
    const random = mulberry32(fnv1a(`${word.voice}\u0000${word.text}`));
    const base = pitchOf(word.voice) * (0.92 + random() * 0.16);
    // Statements fall at their last word, questions rise.
    const glide = /[?]$/.test(word.text) ? 0.25 : /[.!]$/.test(word.text) ? -0.2 : 0.05;
    const harmonics = [1, 0.3 + random() * 0.4, 0.1 + random() * 0.3];
    const norm = harmonics.reduce((sum, weight) => sum + weight, 0);
    const start = index * SLOT;
    for (let i = 0; i < VOICED; i++) {
      const t = i / VOICED;
      phase += (2 * Math.PI * base * (1 + glide * t)) / SPEECH_SAMPLE_RATE;
      let value = 0;
      harmonics.forEach((weight, h) => {
        value += weight * Math.sin(phase * (h + 1));
      });
      const envelope = Math.sin(Math.PI * t) ** 0.6;
      view.setInt16((start + i) * 2, Math.round((AMPLITUDE * envelope * value) / norm), true);
    }
  });
  return pcm;
}
