import type { AppErrorBody } from "@/lib/errors";
import { type ModelCapabilities, modelCapabilities } from "@/lib/models/capabilities";
import type { ModelInfo } from "@/lib/models/types";
import type { PlaygroundState, SliceCreator } from "./types";

export interface Catalog {
  status: "idle" | "loading" | "ready" | "error";
  models: ModelInfo[];
  simulated: boolean;
  error?: AppErrorBody;
}

/** The server's model list, fetched once per page; never persisted (it changes with the key). */
export interface CatalogSlice {
  catalog: Catalog;
  setCatalog: (catalog: Catalog) => void;
}

export const createCatalogSlice: SliceCreator<CatalogSlice> = (set) => ({
  catalog: { status: "idle", models: [], simulated: false },
  setCatalog: (catalog) => set({ catalog }),
});

/** What `model` can do, by the catalog's entry for it (or what is known without one). */
export function catalogCapabilities(s: PlaygroundState, model: string): ModelCapabilities {
  return modelCapabilities(
    model,
    s.catalog.models.find((m) => m.id === model),
  );
}
