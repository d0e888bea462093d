"use client";

import { ApiSetting } from "./api-setting";
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
 * Every run setting, each bounded by the selected model, for the document of the store they are
 * rendered under: the chat's settings panel, or one compare column's settings.
 */
export function RunSettingsFields() {
  return (
    <>
      <ModelPicker />
      <ModelChangeNotice />
      <ApiSetting />
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
    </>
  );
}
