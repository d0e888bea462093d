"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { type FunctionCallingMode, useRunSettingsActions, useToolSetting } from "@/lib/store";
import { FunctionDeclarationsForm } from "./lazy-forms";
import { SettingLabel, SettingNote } from "./setting-label";
import { SwitchRow } from "./switch-row";
import { noToolsAt, unsupportedReason, useModelCapabilities } from "./use-model-capabilities";

const MODES: Partial<Record<FunctionCallingMode, string>> = {
  AUTO: "Auto",
  ANY: "Any",
  NONE: "None",
};

function ModeAndNames({ names }: { names: string[] }) {
  const mode = useToolSetting("functionCallingMode");
  const allowed = useToolSetting("allowedFunctionNames") ?? [];
  const { setFunctionCallingMode, setAllowedFunctionNames } = useRunSettingsActions();
  const current = mode ?? "AUTO";
  return (
    <>
      <div className="flex items-center justify-between gap-3 pt-1">
        <SettingLabel htmlFor="setting-function-mode" className="text-xs">
          Function calling mode
        </SettingLabel>
        <Select
          id="setting-function-mode"
          value={current}
          className="h-7 w-28 text-xs"
          // Auto is what the API does when no mode is sent, so it is stored as "unset".
          onChange={(e) => {
            const next = e.target.value as FunctionCallingMode;
            setFunctionCallingMode(next === "AUTO" ? undefined : next);
          }}
        >
          {Object.entries({ ...MODES, ...(MODES[current] ? {} : { [current]: current }) }).map(
            ([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ),
          )}
        </Select>
      </div>
      {current === "ANY" && names.length > 0 && (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-xs text-muted-foreground">
            Allowed functions (none ticked: any of them)
          </legend>
          {names.map((name) => (
            <label key={name} className="flex items-center gap-2 font-mono text-xs">
              <input
                type="checkbox"
                checked={allowed.includes(name)}
                onChange={(e) =>
                  setAllowedFunctionNames(
                    e.target.checked ? [...allowed, name] : allowed.filter((n) => n !== name),
                  )
                }
                className="accent-primary"
              />
              {name}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}

/** Function calling: declarations edited in a dialog, then the calling mode and allowed names. */
export function FunctionCallingSetting() {
  const caps = useModelCapabilities();
  const declarations = useToolSetting("functionDeclarations");
  const { setFunctionCalling, setFunctionDeclarations } = useRunSettingsActions();
  const [editing, setEditing] = useState(false);
  const names = (declarations ?? []).map((d) => d.name);

  return (
    <SwitchRow
      id="setting-function-calling"
      label="Function calling"
      checked={declarations !== undefined}
      onCheckedChange={(on) => {
        setFunctionCalling(on);
        if (on && !declarations?.length) setEditing(true);
      }}
      disabledReason={caps.functionCalling ? undefined : unsupportedReason(caps)}
      sharedReasonId={noToolsAt(caps)}
      action={
        <Button
          size="sm"
          variant="ghost"
          aria-label="Edit functions"
          className="h-7 px-2 text-primary"
          onClick={() => setEditing(true)}
        >
          Edit
        </Button>
      }
    >
      <SettingNote>
        {names.length ? `${names.length} declared: ${names.join(", ")}` : "No functions declared"}
      </SettingNote>
      <ModeAndNames names={names} />
      <Dialog
        open={editing}
        onClose={() => setEditing(false)}
        title="Functions"
        description="A JSON array of declarations: name, description and parameters (a JSON Schema)."
      >
        <FunctionDeclarationsForm
          declarations={declarations ?? []}
          onCancel={() => setEditing(false)}
          onSave={(next) => {
            setFunctionDeclarations(next);
            setEditing(false);
          }}
        />
      </Dialog>
    </SwitchRow>
  );
}
