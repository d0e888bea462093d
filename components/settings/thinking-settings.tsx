"use client";

import { Select } from "@/components/ui/select";
import { cn } from "@/lib/cn";
import type { ThinkingCapability, ThinkingLevel } from "@/lib/models/capabilities";
import { useRunSetting, useRunSettingsActions } from "@/lib/store";
import { NumberSetting } from "./number-setting";
import { SettingLabel } from "./setting-label";
import { SwitchRow } from "./switch-row";
import { useModelCapabilities } from "./use-model-capabilities";

type Budget = Extract<ThinkingCapability, { kind: "budget" }>;
type Mode = "off" | "dynamic" | "custom";

const modeOf = (budget: number | undefined): Mode =>
  budget === 0 ? "off" : budget === undefined || budget < 0 ? "dynamic" : "custom";
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Where Custom starts: a mid-sized budget, inside every model's range. */
const customStart = (cap: Budget) => Math.min(cap.max, Math.max(cap.min, 8192));

function ThinkingModes({
  cap,
  mode,
  onMode,
}: {
  cap: Budget;
  mode: Mode;
  onMode: (m: Mode) => void;
}) {
  const modes: Mode[] = cap.canDisable ? ["off", "dynamic", "custom"] : ["dynamic", "custom"];
  return (
    <div
      role="radiogroup"
      aria-label="Thinking mode"
      className="flex rounded-md border border-border p-0.5"
    >
      {modes.map((m) => (
        <label
          key={m}
          className={cn(
            "relative flex-1 cursor-pointer rounded py-1 text-center text-xs has-focus-visible:outline-2 has-focus-visible:outline-primary",
            mode === m
              ? "bg-primary/10 font-medium text-primary"
              : "text-muted-foreground hover:bg-muted",
          )}
        >
          <input
            type="radio"
            name="thinking-mode"
            value={m}
            checked={mode === m}
            onChange={() => onMode(m)}
            // Over the whole segment, invisible: clicks land on the real radio button.
            className="absolute inset-0 cursor-pointer opacity-0"
          />
          {capitalize(m)}
        </label>
      ))}
    </div>
  );
}

const MODE_NOTES: Record<Exclude<Mode, "custom">, string> = {
  off: "The model answers without thinking.",
  dynamic: "The model decides how much to think. Choose Custom to cap it.",
};

/** 2.5 family: Off (where allowed) / Dynamic / Custom, and the budget itself when Custom. */
function BudgetField({ cap }: { cap: Budget }) {
  const thinking = useRunSetting("thinking");
  const { setThinking } = useRunSettingsActions();
  const budget = thinking?.budget;
  const mode = modeOf(budget);
  const onMode = (m: Mode) =>
    setThinking({ budget: m === "off" ? 0 : m === "dynamic" ? -1 : customStart(cap) });
  return (
    <NumberSetting
      id="setting-thinking-budget"
      label="Thinking budget"
      value={mode === "custom" ? budget : undefined}
      range={{ min: cap.min, max: cap.max, step: 1 }}
      integer
      slider
      collapsed={mode === "custom" ? undefined : MODE_NOTES[mode]}
      resettable={budget !== undefined}
      onChange={(n) => setThinking({ budget: n })}
      beforeControl={<ThinkingModes cap={cap} mode={mode} onMode={onMode} />}
      hint={`${cap.min.toLocaleString("en-US")} to ${cap.max.toLocaleString("en-US")} tokens${cap.canDisable ? "" : "; this model always thinks"}`}
    />
  );
}

/** Gemini 3: a named level; unset leaves it to the model (high). */
function LevelField({ cap }: { cap: Extract<ThinkingCapability, { kind: "level" }> }) {
  const level = useRunSetting("thinking")?.level;
  const { setThinking } = useRunSettingsActions();
  return (
    <div className="flex items-center justify-between gap-3">
      <SettingLabel htmlFor="setting-thinking-level">Thinking level</SettingLabel>
      <Select
        id="setting-thinking-level"
        value={level ?? ""}
        className="w-40"
        onChange={(e) => setThinking({ level: (e.target.value || undefined) as ThinkingLevel })}
      >
        <option value="">Default ({capitalize(cap.default)})</option>
        {cap.levels.map((l) => (
          <option key={l} value={l}>
            {capitalize(l)}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** The thinking section's controls for the selected model; nothing for models that don't think. */
export function ThinkingSettings() {
  const caps = useModelCapabilities();
  const thinking = useRunSetting("thinking");
  const { setThinking } = useRunSettingsActions();
  const off = thinking?.budget === 0;
  return (
    <>
      {caps.thinking.kind === "budget" && <BudgetField cap={caps.thinking} />}
      {caps.thinking.kind === "level" && <LevelField cap={caps.thinking} />}
      <SwitchRow
        id="setting-show-thoughts"
        label="Show thoughts"
        checked={!off && thinking?.includeThoughts === true}
        onCheckedChange={(on) => setThinking({ includeThoughts: on || undefined })}
        disabledReason={
          !caps.showThoughts
            ? `${caps.displayName} doesn't think before answering`
            : off
              ? "Thinking is off"
              : undefined
        }
      />
    </>
  );
}
