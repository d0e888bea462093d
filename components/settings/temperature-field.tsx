"use client";

import { useDraftActions, useTemperature } from "@/lib/store";
import { NumberSetting } from "./number-setting";
import { unsupportedReason, useModelCapabilities } from "./use-model-capabilities";

/** Temperature, bounded by the model's maxTemperature (1 for image models, 2 for most others). */
export function TemperatureField() {
  const caps = useModelCapabilities();
  const temperature = useTemperature();
  const { setTemperature } = useDraftActions();
  return (
    <NumberSetting
      id="temperature-input"
      label="Temperature"
      value={temperature}
      range={caps.temperature ?? { min: 0, max: 2, step: 0.05 }}
      onChange={setTemperature}
      slider
      disabledReason={caps.temperature ? undefined : unsupportedReason(caps)}
    />
  );
}
