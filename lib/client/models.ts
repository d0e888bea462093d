import type { ModelsResponse } from "@/lib/models/types";
import { type CallOptions, requestJson } from "./http";

/** What the page says when the model list could not be fetched at all. */
export const MODELS_UNREACHABLE_MESSAGE =
  "Could not load the model list from the playground server. Reload the page to try again.";

/** GET /api/models: the catalogue this server offers (the emulator's when it has no key). */
export function fetchModels(options: CallOptions = {}): Promise<ModelsResponse> {
  return requestJson<ModelsResponse>("/api/models", {
    ...options,
    unreachableMessage: MODELS_UNREACHABLE_MESSAGE,
  });
}
