"use client";

import { type BuiltInTool, useRunSettingsActions, useToolSetting } from "@/lib/store";
import { FunctionCallingSetting } from "./function-calling-setting";
import { SettingNote } from "./setting-label";
import { StructuredOutputSetting } from "./structured-output-setting";
import { SwitchRow } from "./switch-row";
import {
  NO_TOOLS_ID,
  noToolsAt,
  unsupportedReason,
  useModelCapabilities,
} from "./use-model-capabilities";

function BuiltInToolRow({ tool, label }: { tool: BuiltInTool; label: string }) {
  const caps = useModelCapabilities();
  const on = useToolSetting(tool) === true;
  const { setBuiltInTool } = useRunSettingsActions();
  return (
    <SwitchRow
      id={`setting-${tool}`}
      label={label}
      checked={on}
      onCheckedChange={(next) => setBuiltInTool(tool, next)}
      disabledReason={caps[tool] ? undefined : unsupportedReason(caps)}
      sharedReasonId={noToolsAt(caps)}
    />
  );
}

/** The tools section, in AI Studio's order. */
export function ToolsSettings() {
  const caps = useModelCapabilities();
  return (
    <>
      {noToolsAt(caps) && (
        <SettingNote id={NO_TOOLS_ID}>{caps.displayName} can&apos;t use tools.</SettingNote>
      )}
      <StructuredOutputSetting />
      <BuiltInToolRow tool="codeExecution" label="Code execution" />
      <FunctionCallingSetting />
      <BuiltInToolRow tool="googleSearch" label="Grounding with Google Search" />
      <BuiltInToolRow tool="urlContext" label="URL context" />
    </>
  );
}
