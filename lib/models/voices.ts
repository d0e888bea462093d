/**
 * The prebuilt voices Gemini's speech models accept in `prebuiltVoiceConfig.voiceName`, with the
 * one-word character Google's documentation gives each, for the voice picker. The emulator keeps
 * its own list of the names (lib/emulator/media/voices.ts); a unit test keeps the two equal.
 */
export const PREBUILT_VOICES = [
  ["Zephyr", "Bright"],
  ["Puck", "Upbeat"],
  ["Charon", "Informative"],
  ["Kore", "Firm"],
  ["Fenrir", "Excitable"],
  ["Leda", "Youthful"],
  ["Orus", "Firm"],
  ["Aoede", "Breezy"],
  ["Callirrhoe", "Easy-going"],
  ["Autonoe", "Bright"],
  ["Enceladus", "Breathy"],
  ["Iapetus", "Clear"],
  ["Umbriel", "Easy-going"],
  ["Algieba", "Smooth"],
  ["Despina", "Smooth"],
  ["Erinome", "Clear"],
  ["Algenib", "Gravelly"],
  ["Rasalgethi", "Informative"],
  ["Laomedeia", "Upbeat"],
  ["Achernar", "Soft"],
  ["Alnilam", "Firm"],
  ["Schedar", "Even"],
  ["Gacrux", "Mature"],
  ["Pulcherrima", "Forward"],
  ["Achird", "Friendly"],
  ["Zubenelgenubi", "Casual"],
  ["Vindemiatrix", "Gentle"],
  ["Sadachbia", "Lively"],
  ["Sadaltager", "Knowledgeable"],
  ["Sulafat", "Warm"],
] as const satisfies readonly (readonly [string, string])[];

export type VoiceName = (typeof PREBUILT_VOICES)[number][0];

export const VOICE_NAMES: readonly string[] = PREBUILT_VOICES.map(([name]) => name);

export function isPrebuiltVoice(name: string): name is VoiceName {
  return VOICE_NAMES.includes(name);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A speaker of a two-voice script that no line starts with ("Joe: …"): Gemini reads the speakers'
 * names from the script, so it could not place that voice. Empty when there is no script yet or
 * every speaker has a line.
 */
export function unvoicedSpeaker(script: string, names: readonly string[]): string {
  if (script.trim() === "") return "";
  const line = (name: string) => new RegExp(`^\\s*${escapeRegExp(name)}\\s*:`, "m");
  return names.find((name) => !line(name).test(script)) ?? "";
}
