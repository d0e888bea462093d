/**
 * A model as the playground shows it: the API's catalogue entry, trimmed to what the UI needs
 * to offer and bound settings. Isomorphic: the route fills it, the browser reads it.
 */
import { isResearchAgent, type ModelKind } from "@/lib/wire/model-kind";

export type { ModelKind };

export interface ModelInfo {
  /** Without the `models/` prefix, e.g. `gemini-2.5-flash`. */
  id: string;
  displayName: string;
  description?: string;
  version?: string;
  kind: ModelKind;
  inputTokenLimit?: number;
  outputTokenLimit?: number;
  /** The API's `supportedGenerationMethods` (here called actions, as the SDK does). */
  supportedActions: string[];
  temperature?: number;
  maxTemperature?: number;
  topP?: number;
  topK?: number;
  thinking?: boolean;
}

export interface ModelsResponse {
  models: ModelInfo[];
  /** True when the catalogue comes from the built-in emulator (no API key configured). */
  simulated: boolean;
}

export interface CountTokensResponse {
  totalTokens: number;
}

/** Models that answer generateContent. */
export function canGenerateContent(model: ModelInfo): boolean {
  return model.supportedActions.includes("generateContent");
}

/**
 * Agents the catalogue lists beside the models (Deep Research, Antigravity): they run only in the
 * background through the Interactions API, with an `agent` instead of a `model`, and answer
 * nothing else, however their entry reads.
 */
export function isAgent(model: Pick<ModelInfo, "id">): boolean {
  return /^(?:deep-research|antigravity)-/.test(model.id);
}

/**
 * Models a run can use: those answering generateContent, Imagen through generateImages, and the
 * Deep Research agent, in the background through the Interactions API.
 */
export function isRunnable(model: ModelInfo): boolean {
  if (isAgent(model)) return isResearchAgent(model.id);
  return (
    canGenerateContent(model) ||
    (model.kind === "imagen" && model.supportedActions.includes("predict"))
  );
}
