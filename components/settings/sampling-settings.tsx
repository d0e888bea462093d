"use client";

import type { NumberRange } from "@/lib/models/capabilities";
import { type ScalarSetting, useRunSetting, useRunSettingsActions } from "@/lib/store";
import { NumberSetting } from "./number-setting";
import { unsupportedReason, useModelCapabilities } from "./use-model-capabilities";

type NumericSetting = Exclude<
  ScalarSetting,
  "stopSequences" | "mediaResolution" | "api" | "background" | "store"
>;

const INT32: NumberRange = { min: -2147483648, max: 2147483647, step: 1 };

function SettingField({
  setting,
  label,
  range,
  reason,
  integer,
  slider,
  placeholder,
}: {
  setting: NumericSetting;
  label: string;
  range: NumberRange | null;
  reason: string;
  integer?: boolean;
  slider?: boolean;
  placeholder?: string;
}) {
  const value = useRunSetting(setting);
  const { setSetting } = useRunSettingsActions();
  return (
    <NumberSetting
      id={`setting-${setting}`}
      label={label}
      value={value}
      range={range ?? { min: 0, max: 1, step: 1 }}
      onChange={(v) => setSetting(setting, v)}
      integer={integer}
      slider={slider}
      placeholder={placeholder}
      disabledReason={range ? undefined : reason}
    />
  );
}

export function MaxOutputTokensField() {
  const caps = useModelCapabilities();
  return (
    <SettingField
      setting="maxOutputTokens"
      label="Max output tokens"
      range={caps.maxOutputTokens}
      reason={unsupportedReason(caps)}
      integer
    />
  );
}

/** Top P, Top K, seed and penalties: bounded by the model, unset by default. */
export function SamplingSettings() {
  const caps = useModelCapabilities();
  const reason = unsupportedReason(caps);
  return (
    <>
      <SettingField setting="topP" label="Top P" range={caps.topP} reason={reason} slider />
      <SettingField setting="topK" label="Top K" range={caps.topK} reason={reason} integer slider />
      <SettingField
        setting="seed"
        label="Seed"
        range={caps.seed ? INT32 : null}
        reason={reason}
        integer
        placeholder="Random"
      />
      <SettingField
        setting="presencePenalty"
        label="Presence penalty"
        range={caps.presencePenalty}
        reason={reason}
        slider
      />
      <SettingField
        setting="frequencyPenalty"
        label="Frequency penalty"
        range={caps.frequencyPenalty}
        reason={reason}
        slider
      />
    </>
  );
}
