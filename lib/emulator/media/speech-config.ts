/**
 * `generationConfig.speechConfig` for speech models, checked as Gemini checks it: one voice or
 * exactly two speakers (Google's multi-speaker limit), each voice one of the prebuilt ones
 * (voices.ts; Google matches names case-insensitively), never both forms at once.
 */

import type { WireSpeechConfig, WireVoiceConfig } from "@/lib/emulator/types";
import { invalidArgument } from "@/lib/emulator/validation/errors";
import { isPrebuiltVoice, VOICE_NAMES } from "./voices";

/** Gemini reads with this voice when the request names none. */
export const DEFAULT_VOICE = "Kore";
const FIELD = "GenerateContentRequest.generation_config.speech_config";

export interface SpeakerVoice {
  /** The name the script uses (`Joe: …`), for multi-speaker requests. */
  speaker?: string;
  voice: string;
}

function canonicalVoice(name: string): string | undefined {
  const capitalised = name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
  if (isPrebuiltVoice(name)) return name;
  return isPrebuiltVoice(capitalised) ? capitalised : undefined;
}

function voiceOf(config: WireVoiceConfig | undefined): string {
  const name = config?.prebuiltVoiceConfig?.voiceName;
  if (name === undefined || name === "") return DEFAULT_VOICE;
  const voice = canonicalVoice(String(name));
  if (!voice) {
    const allowed = VOICE_NAMES.map((voice) => voice.toLowerCase()).sort();
    throw invalidArgument(
      `Voice name ${name} is not supported. Allowed voice names are: ${allowed.join(", ")}`,
    );
  }
  return voice;
}

export function speakerVoices(config: WireSpeechConfig | undefined): SpeakerVoice[] {
  const multi = config?.multiSpeakerVoiceConfig;
  if (!multi) return [{ voice: voiceOf(config?.voiceConfig) }];
  if (config?.voiceConfig) {
    throw invalidArgument(
      `* ${FIELD}: voice_config and multi_speaker_voice_config cannot both be set\n`,
    );
  }
  const speakers = multi.speakerVoiceConfigs ?? [];
  if (speakers.length !== 2) {
    throw invalidArgument(
      `* ${FIELD}.multi_speaker_voice_config.speaker_voice_configs: exactly 2 speaker voice configs are required, got ${speakers.length}\n`,
    );
  }
  return speakers.map((entry, index) => {
    if (typeof entry.speaker !== "string" || entry.speaker.trim() === "") {
      throw invalidArgument(
        `* ${FIELD}.multi_speaker_voice_config.speaker_voice_configs[${index}].speaker: speaker is required\n`,
      );
    }
    return { speaker: entry.speaker.trim(), voice: voiceOf(entry.voiceConfig) };
  });
}
