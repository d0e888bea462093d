import type { ReactNode } from "react";
import { Switch } from "@/components/ui/switch";
import { SettingNote } from "./setting-label";

/** One on/off setting: label, switch, an optional action ("Edit") and the reason when disabled. */
export function SwitchRow({
  id,
  label,
  checked,
  onCheckedChange,
  disabledReason,
  sharedReasonId,
  action,
  children,
}: {
  id: string;
  label: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabledReason?: string;
  /** Id of a reason shown once for several rows; the row then shows none of its own. */
  sharedReasonId?: string;
  action?: ReactNode;
  /** Shown under the row while the switch is on (mode, allowed names…). */
  children?: ReactNode;
}) {
  const disabled = disabledReason !== undefined;
  const reasonId = sharedReasonId ?? `${id}-note`;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex min-h-7 items-center gap-2">
        <label
          htmlFor={id}
          className={disabled ? "text-sm text-muted-foreground" : "text-sm text-foreground"}
        >
          {label}
        </label>
        <span className="ml-auto flex items-center gap-1">
          {checked && !disabled && action}
          <Switch
            id={id}
            checked={checked}
            disabled={disabled}
            aria-describedby={disabled ? reasonId : undefined}
            onCheckedChange={onCheckedChange}
          />
        </span>
      </div>
      {disabled && !sharedReasonId && <SettingNote id={reasonId}>{disabledReason}</SettingNote>}
      {checked && !disabled && children}
    </div>
  );
}
