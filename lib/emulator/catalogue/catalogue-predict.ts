/**
 * Imagen (`predict`) and Veo (`predictLongRunning`) models: ids, versions and limits as Google
 * listed them on 2026-06-26 (the probe capture 11 excerpts), descriptions in our own words. Like
 * the real entries they carry no sampling fields.
 */
import { type CatalogueModel, model } from "./catalogue-entry";

const LIMITS: [number, number] = [480, 8192];

function imagen(id: string, displayName: string, description: string): CatalogueModel {
  return model(id, { version: "001", displayName, description }, LIMITS, ["predict"]);
}

function veo(id: string, version: string, displayName: string, description: string) {
  return model(id, { version, displayName, description }, LIMITS, ["predictLongRunning"]);
}

export const PREDICT_MODELS: readonly CatalogueModel[] = [
  imagen(
    "imagen-4.0-generate-001",
    "Imagen 4",
    "Text-to-image model served through the predict endpoint.",
  ),
  imagen(
    "imagen-4.0-ultra-generate-001",
    "Imagen 4 Ultra",
    "Highest-fidelity Imagen 4 variant, one image per request.",
  ),
  imagen("imagen-4.0-fast-generate-001", "Imagen 4 Fast", "Quicker, cheaper Imagen 4 variant."),
  veo("veo-2.0-generate-001", "2.0", "Veo 2", "Second-generation video model, without sound."),
  veo(
    "veo-3.0-generate-001",
    "3.0",
    "Veo 3",
    "Generates short videos with sound from text or images.",
  ),
  veo("veo-3.0-fast-generate-001", "3.0", "Veo 3 fast", "Quicker, cheaper Veo 3 video generation."),
  veo(
    "veo-3.1-generate-preview",
    "3.1",
    "Veo 3.1",
    "Generates short videos with sound from text or images (preview).",
  ),
  veo(
    "veo-3.1-fast-generate-preview",
    "3.1",
    "Veo 3.1 fast",
    "Quicker Veo 3.1 generation (preview).",
  ),
  veo(
    "veo-3.1-lite-generate-preview",
    "3.1",
    "Veo 3.1 lite",
    "Lower-cost Veo 3.1 video generation (preview).",
  ),
];
