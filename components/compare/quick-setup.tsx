"use client";

import { useMemo } from "react";
import { groupRunnableModels } from "@/components/settings/model-groups";
import { Select } from "@/components/ui/select";
import { modelCapabilities, type NumberRange } from "@/lib/models/capabilities";
import { isCompareRunning, useCatalog, usePlayground } from "@/lib/store";

type Setup = { model: string; temperature?: number }[];

/** Low, the model's default, and half as far again above it: how much the sampling matters. */
function temperatures(model: string, range: NumberRange): Setup {
  const middle = range.default ?? (range.min + range.max) / 2;
  const high = Math.min(range.max, Math.round(middle * 1.5 * 10) / 10);
  return [range.min, middle, high].map((temperature) => ({ model, temperature }));
}

/**
 * The two comparisons people set up most, each two clicks away: one model at three
 * temperatures, or three models on the same settings.
 */
export function QuickSetup() {
  const shared = usePlayground((s) => s.compare?.shared.model);
  const running = usePlayground(isCompareRunning);
  const presetColumns = usePlayground((s) => s.presetColumns);
  const catalog = useCatalog();

  const presets = useMemo(() => {
    if (!shared) return null;
    const info = catalog.models.find((m) => m.id === shared);
    const range = modelCapabilities(shared, info).temperature;
    // Text models in the picker's order (newest family first), the shared one first.
    const text = groupRunnableModels(catalog.models)
      .flatMap((g) => g.models)
      .filter((m) => m.kind === "text")
      .map((m) => m.id);
    const others = text.filter((id) => id !== shared).slice(0, 2);
    return {
      temperatures: range ? temperatures(shared, range) : null,
      models: others.length === 2 ? [shared, ...others].map((model) => ({ model })) : null,
    };
  }, [shared, catalog.models]);

  return (
    <Select
      aria-label="Quick setup"
      value=""
      disabled={running || !presets}
      className="w-auto max-sm:w-32"
      onChange={(e) => {
        const setup = presets?.[e.target.value as "temperatures" | "models"];
        if (setup) presetColumns(setup);
      }}
    >
      <option value="" disabled>
        Quick setup…
      </option>
      <option value="temperatures" disabled={!presets?.temperatures}>
        Same model, three temperatures
      </option>
      <option value="models" disabled={!presets?.models}>
        Three models, same settings
      </option>
    </Select>
  );
}
