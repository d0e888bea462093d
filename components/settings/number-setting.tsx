"use client";

import { type ReactNode, useEffect, useState } from "react";
import { Slider } from "@/components/ui/slider";
import { cn } from "@/lib/cn";
import type { NumberRange } from "@/lib/models/capabilities";
import { ResetButton, SettingLabel, SettingNote } from "./setting-label";

interface NumberSettingProps {
  id: string;
  label: string;
  /** `undefined`: not in the document, the model's default applies. */
  value: number | undefined;
  range: NumberRange;
  onChange: (value: number | undefined) => void;
  integer?: boolean;
  slider?: boolean;
  /** Defaults to the model's default value. */
  placeholder?: string;
  /** Set when the model can't take this setting: the control is disabled and says why. */
  disabledReason?: string;
  /** Whether "Reset to default" shows; by default, whenever a value is set. */
  resettable?: boolean;
  /** Rendered between the label and the field (the thinking mode choice). */
  beforeControl?: ReactNode;
  /** A standing hint under the field, replaced by errors while there are any. */
  hint?: string;
  /** Advice against the value chosen (allowed, but not recommended); errors come first. */
  warning?: string;
  /**
   * Set when there is no number to choose (thinking left to the model): this note stands where
   * the field and slider would be, so nothing is shown or focusable that would do nothing.
   */
  collapsed?: string;
}

type Checked =
  | { ok: true; value: number | undefined }
  | { ok: false; message: string; clamp?: number };

function format(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

function check(raw: string, range: NumberRange, integer: boolean): Checked {
  if (raw.trim() === "") return { ok: true, value: undefined };
  const n = Number(raw);
  if (!Number.isFinite(n)) return { ok: false, message: "Enter a number." };
  if (integer && !Number.isInteger(n)) return { ok: false, message: "Enter a whole number." };
  if (n < range.min || n > range.max) {
    const clamp = Math.min(range.max, Math.max(range.min, n));
    const span = `${range.min.toLocaleString("en-US")} to ${range.max.toLocaleString("en-US")}`;
    return { ok: false, message: `Must be from ${span}.`, clamp };
  }
  return { ok: true, value: n };
}

/**
 * A number setting: the number field is the accessible control, with an optional slider twin for
 * the mouse. Typing keeps what is typed ("0.", "") until it is a valid value; out-of-range values
 * are explained and, on leaving the field, moved to the nearest bound.
 */
export function NumberSetting({
  id,
  label,
  value,
  range,
  onChange,
  integer = false,
  slider = false,
  placeholder,
  disabledReason,
  resettable = value !== undefined,
  beforeControl,
  hint,
  warning,
  collapsed,
}: NumberSettingProps) {
  const [text, setText] = useState(value === undefined ? "" : format(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText((t) => {
      const current = check(t, { min: -Infinity, max: Infinity, step: 1 }, false);
      return current.ok && current.value === value ? t : value === undefined ? "" : format(value);
    });
    setError(null);
  }, [value]);

  const disabled = disabledReason !== undefined;
  const noteId = `${id}-note`;
  const change = (raw: string) => {
    setText(raw);
    const result = check(raw, range, integer);
    setError(result.ok ? null : result.message);
    if (result.ok) onChange(result.value);
  };
  const leave = () => {
    const result = check(text, range, integer);
    if (!result.ok && result.clamp !== undefined) {
      onChange(result.clamp);
      setText(format(result.clamp));
    } else if (!result.ok) {
      setText(value === undefined ? "" : format(value));
    }
    setError(null);
  };

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <SettingLabel htmlFor={id} className={disabled ? "text-muted-foreground" : undefined}>
          {label}
        </SettingLabel>
        {resettable && !disabled && (
          <ResetButton labelledFor={id} onClick={() => onChange(undefined)} />
        )}
      </div>
      {beforeControl}
      {collapsed !== undefined ? (
        <SettingNote>{collapsed}</SettingNote>
      ) : (
        <>
          <div className="flex items-center gap-3">
            {slider && !disabled && (
              <Slider
                min={range.min}
                max={range.max}
                step={range.step}
                value={value ?? range.default ?? range.min}
                disabled={disabled}
                onValueChange={(n) => onChange(Number(format(n)))}
              />
            )}
            <input
              id={id}
              type="number"
              inputMode={integer ? "numeric" : "decimal"}
              min={range.min}
              max={range.max}
              step={range.step}
              value={text}
              placeholder={
                placeholder ?? (range.default === undefined ? "" : format(range.default))
              }
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              aria-describedby={error || disabled || warning || hint ? noteId : undefined}
              onChange={(e) => change(e.target.value)}
              onBlur={leave}
              className={cn(
                "h-8 rounded-md border border-border bg-background px-2 text-sm tabular-nums placeholder:text-muted-foreground disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-danger",
                slider && !disabled ? "w-20" : "w-full",
              )}
            />
          </div>
          {(error || disabled || warning || hint) && (
            <SettingNote
              id={noteId}
              tone={error ? "error" : warning && !disabled ? "warning" : "muted"}
            >
              {error ?? disabledReason ?? warning ?? hint}
            </SettingNote>
          )}
        </>
      )}
    </div>
  );
}
