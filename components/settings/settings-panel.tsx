"use client";

import { useSettingsOpen } from "@/lib/store";
import { ModelPicker } from "./model-picker";
import { TemperatureField } from "./temperature-field";

/** The run settings column on the right; folded away from the header's panel button. */
export function SettingsPanel() {
  const open = useSettingsOpen();
  return (
    <aside
      id="settings-panel"
      aria-label="Settings"
      hidden={!open}
      className="w-80 shrink-0 overflow-y-auto border-l border-border bg-sidebar max-[1000px]:w-72"
    >
      <div className="flex flex-col gap-6 p-5">
        <h2 className="text-base font-medium">Run settings</h2>
        <ModelPicker />
        <TemperatureField />
      </div>
    </aside>
  );
}
