"use client";

import { useRunSettingsActions, useSettingsOpen } from "@/lib/store";
import { ModelChangeNotice } from "./model-change-notice";
import { ModelPicker } from "./model-picker";
import { OutputSettings } from "./output-settings";
import { SafetySettings } from "./safety-settings";
import { MaxOutputTokensField, SamplingSettings } from "./sampling-settings";
import { MediaResolutionField, ResponseMimeField } from "./select-settings";
import { SettingsSection } from "./settings-section";
import { StopSequencesField } from "./stop-sequences-field";
import { TemperatureField } from "./temperature-field";
import { ThinkingSettings } from "./thinking-settings";
import { ToolsSettings } from "./tools-settings";

/**
 * The run settings column on the right, laid out like AI Studio's: model, temperature and media
 * resolution first, then Thinking, Tools and Advanced settings as foldable sections. Every control
 * is bounded by the selected model (use-model-capabilities.ts); unset means the model's default.
 */
export function SettingsPanel() {
  const open = useSettingsOpen();
  const { resetRunSettings } = useRunSettingsActions();
  return (
    <aside
      id="settings-panel"
      aria-label="Settings"
      hidden={!open}
      className="w-80 shrink-0 overflow-y-auto border-l border-border bg-sidebar max-[1000px]:w-72"
    >
      <div className="flex flex-col gap-4 p-4">
        <div className="flex items-center justify-between">
          <h2 className="text-base font-medium">Run settings</h2>
          <button
            type="button"
            onClick={resetRunSettings}
            className="rounded px-1 text-xs text-primary hover:underline"
          >
            Reset settings
          </button>
        </div>
        <ModelPicker />
        <ModelChangeNotice />
        <OutputSettings />
        <TemperatureField />
        <MediaResolutionField />
        <SettingsSection title="Thinking">
          <ThinkingSettings />
        </SettingsSection>
        <SettingsSection title="Tools">
          <ToolsSettings />
        </SettingsSection>
        <SettingsSection title="Advanced settings">
          <SafetySettings />
          <StopSequencesField />
          <MaxOutputTokensField />
          <SamplingSettings />
          <ResponseMimeField />
        </SettingsSection>
      </div>
    </aside>
  );
}
