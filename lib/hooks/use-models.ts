"use client";

import { useEffect } from "react";
import { errorBody } from "@/lib/client/errors";
import { fetchModels, MODELS_UNREACHABLE_MESSAGE } from "@/lib/client/models";
import { canGenerateContent } from "@/lib/models/types";
import { DEFAULT_MODEL } from "@/lib/store/draft-slice";
import { usePlayground, usePlaygroundApi } from "@/lib/store/provider";

/**
 * Loads the catalogue once per page, then makes sure the draft names a runnable model: the
 * built-in default is replaced when this server doesn't offer it, but a model the person picked
 * is kept (the picker shows a note instead), so a saved prompt never changes model silently.
 */
export function useModelCatalog(): void {
  const store = usePlaygroundApi();
  const hydrated = usePlayground((s) => s.hydrated);
  const status = usePlayground((s) => s.catalog.status);
  const model = usePlayground((s) => s.draft.model);
  const source = usePlayground((s) => s.modelSource);

  useEffect(() => {
    const { catalog, setCatalog } = store.getState();
    // Not aborted on unmount: the list is page-wide and a strict-mode remount must not lose it.
    if (catalog.status !== "idle") return;
    setCatalog({ ...catalog, status: "loading" });
    fetchModels().then(
      (data) => setCatalog({ status: "ready", models: data.models, simulated: data.simulated }),
      (error: unknown) =>
        setCatalog({
          status: "error",
          models: [],
          simulated: false,
          error: errorBody(error, MODELS_UNREACHABLE_MESSAGE),
        }),
    );
  }, [store]);

  useEffect(() => {
    if (!hydrated || status !== "ready" || source !== "default") return;
    const { catalog, changeModel } = store.getState();
    const runnable = catalog.models.filter(canGenerateContent);
    if (runnable.some((m) => m.id === model)) return;
    const pick = runnable.find((m) => m.id === DEFAULT_MODEL) ?? runnable[0];
    if (pick) changeModel(pick.id, "default");
  }, [store, hydrated, status, model, source]);
}
