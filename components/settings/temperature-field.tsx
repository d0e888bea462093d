"use client";

import { useEffect, useState } from "react";
import { useCatalog, useComposerActions, useDraftModel, useTemperature } from "@/lib/store";

const STEP = 0.05;

function format(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * Temperature: a number field (the accessible control) with a slider beside it for the mouse.
 * Unset means "the model's default", which is what the field shows until someone changes it.
 */
export function TemperatureField() {
  const model = useDraftModel();
  const catalog = useCatalog();
  const temperature = useTemperature();
  const { setTemperature } = useComposerActions();
  const info = catalog.models.find((m) => m.id === model);
  const max = info?.maxTemperature ?? 2;
  const value = temperature ?? info?.temperature ?? 1;

  // The field keeps what is typed ("0.", "") until it parses; the store only gets valid numbers.
  const [text, setText] = useState(format(value));
  useEffect(
    () => setText((t) => (t.trim() !== "" && Number(t) === value ? t : format(value))),
    [value],
  );

  const commit = (raw: string) => {
    setText(raw);
    const n = Number(raw);
    if (raw.trim() !== "" && Number.isFinite(n) && n >= 0 && n <= max) setTemperature(n);
  };

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between">
        <label htmlFor="temperature-input" className="text-sm font-medium">
          Temperature
        </label>
        {temperature !== undefined && (
          <button
            type="button"
            onClick={() => setTemperature(undefined)}
            className="rounded text-xs text-primary hover:underline"
          >
            Reset to default
          </button>
        )}
      </div>
      <div className="flex items-center gap-3">
        <input
          type="range"
          aria-hidden="true"
          tabIndex={-1}
          min={0}
          max={max}
          step={STEP}
          value={value}
          onChange={(e) => setTemperature(Number(e.target.value))}
          className="min-w-0 flex-1 accent-primary"
        />
        <input
          id="temperature-input"
          type="number"
          inputMode="decimal"
          min={0}
          max={max}
          step={STEP}
          value={text}
          onChange={(e) => commit(e.target.value)}
          onBlur={() => setText(format(value))}
          className="h-9 w-20 rounded-lg border border-border bg-background px-2 text-sm tabular-nums"
        />
      </div>
    </div>
  );
}
