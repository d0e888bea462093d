/**
 * The prebuilt voices Gemini's speech models accept in `prebuiltVoiceConfig.voiceName`, as the
 * wire knows them: names only. The emulator keeps its own copy rather than the app's
 * (lib/models/voices.ts), so a mistake there is not agreed with here; a unit test
 * (tests/unit/emulator-voices.test.ts) keeps the two equal.
 */
export const VOICE_NAMES: readonly string[] = [
  "Zephyr",
  "Puck",
  "Charon",
  "Kore",
  "Fenrir",
  "Leda",
  "Orus",
  "Aoede",
  "Callirrhoe",
  "Autonoe",
  "Enceladus",
  "Iapetus",
  "Umbriel",
  "Algieba",
  "Despina",
  "Erinome",
  "Algenib",
  "Rasalgethi",
  "Laomedeia",
  "Achernar",
  "Alnilam",
  "Schedar",
  "Gacrux",
  "Pulcherrima",
  "Achird",
  "Zubenelgenubi",
  "Vindemiatrix",
  "Sadachbia",
  "Sadaltager",
  "Sulafat",
];

/** Whether `name` is one of them, spelled exactly (callers try Google's capitalisation first). */
export function isPrebuiltVoice(name: string): boolean {
  return VOICE_NAMES.includes(name);
}
