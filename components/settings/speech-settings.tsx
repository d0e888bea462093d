"use client";

import { Select } from "@/components/ui/select";
import { PREBUILT_VOICES, unvoicedSpeaker } from "@/lib/models/voices";
import type { RunConfig } from "@/lib/prompt/config";
import { type PlaygroundState, usePlayground, useRunSetting } from "@/lib/store";
import { SelectRow } from "./select-settings";
import { SettingNote } from "./setting-label";
import { useOutputActions } from "./use-output-actions";

type Voices = NonNullable<RunConfig["speech"]>["voices"];
type SpeakerMode = Parameters<PlaygroundState["setSpeakerMode"]>[0];

/** Options named as AI Studio names them: "Kore — Firm". */
function VoiceOptions() {
  return PREBUILT_VOICES.map(([name, character]) => (
    <option key={name} value={name}>
      {name} — {character}
    </option>
  ));
}

function SingleVoice({ voice }: { voice: string | undefined }) {
  const { setSpeakerVoice } = useOutputActions();
  return (
    <SelectRow id="setting-voice" label="Voice">
      <Select
        id="setting-voice"
        value={voice ?? ""}
        onChange={(e) => setSpeakerVoice(0, e.target.value || undefined)}
      >
        {/* Gemini speaks in a voice of its own when none is named. */}
        <option value="">Default</option>
        <VoiceOptions />
      </Select>
    </SelectRow>
  );
}

function Speaker({ index, voices }: { index: number; voices: Voices }) {
  const { setSpeakerVoice, setSpeakerName } = useOutputActions();
  const n = index + 1;
  const id = `setting-speaker-${n}`;
  const speaker = voices[index];
  return (
    <>
      <SelectRow id={`${id}-name`} label={`Speaker ${n} name`}>
        <input
          id={`${id}-name`}
          type="text"
          value={speaker?.speaker ?? ""}
          placeholder={`Speaker ${n}`}
          maxLength={64}
          aria-describedby="setting-speakers-note"
          onChange={(e) => setSpeakerName(index, e.target.value)}
          className="h-8 w-full rounded-md border border-border bg-background px-2 text-sm placeholder:text-muted-foreground"
        />
      </SelectRow>
      <SelectRow id={`${id}-voice`} label={`Speaker ${n} voice`}>
        <Select
          id={`${id}-voice`}
          value={speaker?.voice ?? ""}
          onChange={(e) => setSpeakerVoice(index, e.target.value)}
        >
          <VoiceOptions />
        </Select>
      </SelectRow>
    </>
  );
}

/** The name a speaker is sent under: blank means "Speaker N", as the placeholder shows. */
const spokenName = (voices: Voices, index: number) =>
  voices[index]?.speaker?.trim() || `Speaker ${index + 1}`;

/** Speech models: one voice, or two speakers that the script names at the start of their lines. */
export function SpeechSettings() {
  const voices = useRunSetting("speech")?.voices ?? [];
  const { setSpeakerMode } = useOutputActions();
  const mode: SpeakerMode = voices.length > 1 ? "multi" : "single";
  const clash = mode === "multi" && spokenName(voices, 0) === spokenName(voices, 1);
  const names = [spokenName(voices, 0), spokenName(voices, 1)];
  // The script is the prompt box; only the two-speaker note reads it, one cheap test per key.
  const missing = usePlayground((s) =>
    mode === "multi" ? unvoicedSpeaker(s.promptText, names) : "",
  );
  return (
    <>
      <SelectRow id="setting-speaker-mode" label="Speaker mode">
        <Select
          id="setting-speaker-mode"
          value={mode}
          onChange={(e) => setSpeakerMode(e.target.value as SpeakerMode)}
        >
          <option value="single">Single speaker</option>
          <option value="multi">Two speakers</option>
        </Select>
      </SelectRow>
      {mode === "single" ? (
        <SingleVoice voice={voices[0]?.voice} />
      ) : (
        <>
          <Speaker index={0} voices={voices} />
          <Speaker index={1} voices={voices} />
          <SettingNote id="setting-speakers-note" tone={clash || missing ? "error" : "muted"}>
            {clash
              ? "The two speakers need different names."
              : missing
                ? `No line of the script starts with "${missing}:". Each line starts with the name of its speaker, as set here, or Gemini can't tell whose voice it is.`
                : `Start each line of the script with a speaker's name, e.g. "${names[0]}: Hello!"`}
          </SettingNote>
        </>
      )}
    </>
  );
}
