"use client";

import { geminiFamily } from "@/lib/models/capabilities";
import { useDraftActions, useTemperature } from "@/lib/store";
import { NumberSetting } from "./number-setting";
import { unsupportedReason, useModelCapabilities } from "./use-model-capabilities";

/**
 * Google's guide for Gemini 3: keep the default temperature of 1.0. Lower values, right for older
 * models, can make these loop or reason worse.
 */
const GEMINI_3_ADVICE =
  "Google advises keeping temperature at 1 for Gemini 3 models: lower values can cause looping or weaker reasoning.";

/** Temperature, bounded by the model's maxTemperature (1 for image models, 2 for most others). */
export function TemperatureField() {
  const caps = useModelCapabilities();
  const temperature = useTemperature();
  const { setTemperature } = useDraftActions();
  const generation = geminiFamily(caps.id)?.generation ?? 0;
  const advise =
    generation >= 3 && caps.kind === "text" && temperature !== undefined && temperature < 1;
  return (
    <NumberSetting
      id="temperature-input"
      label="Temperature"
      value={temperature}
      range={caps.temperature ?? { min: 0, max: 2, step: 0.05 }}
      onChange={setTemperature}
      slider
      disabledReason={caps.temperature ? undefined : unsupportedReason(caps)}
      warning={advise ? GEMINI_3_ADVICE : undefined}
    />
  );
}
