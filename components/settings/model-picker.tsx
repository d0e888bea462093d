"use client";

import { useMemo } from "react";
import { useCatalog, useDraftModel, useRunSettingsActions } from "@/lib/store";
import { ModelCard } from "./model-card";
import { groupRunnableModels } from "./model-groups";
import { ModelOptions } from "./model-options";
import { useModelCapabilities } from "./use-model-capabilities";

export function ModelPicker() {
  const model = useDraftModel();
  const catalog = useCatalog();
  // It keeps only the settings the new model accepts, and says so.
  const { changeModel } = useRunSettingsActions();
  const groups = useMemo(() => groupRunnableModels(catalog.models), [catalog.models]);
  const selected = catalog.models.find((m) => m.id === model);
  const known = groups.some((g) => g.models.some((m) => m.id === model));
  const caps = useModelCapabilities();

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="model-select" className="text-sm font-medium">
        Model
      </label>
      <select
        id="model-select"
        value={model}
        onChange={(e) => changeModel(e.target.value)}
        aria-describedby="model-details"
        className="h-10 w-full rounded-lg border border-border bg-background px-3 text-sm"
      >
        <ModelOptions groups={groups} current={model} currentName={selected?.displayName} />
      </select>
      <div id="model-details" className="flex flex-col gap-0.5 text-xs text-muted-foreground">
        <span className="font-mono">{model}</span>
        {catalog.status === "loading" && <span>Loading the list of models…</span>}
        {catalog.status === "error" && (
          <span className="text-danger">{catalog.error?.message}</span>
        )}
        {catalog.status === "ready" && !known && (
          <span className="text-warning">
            This server&apos;s catalogue doesn&apos;t list {model} for chat; runs may fail.
          </span>
        )}
      </div>
      {catalog.status === "ready" && known && <ModelCard info={selected} caps={caps} />}
    </div>
  );
}
