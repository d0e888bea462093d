import "server-only";
import type { Model } from "@google/genai";
import { serverEnv } from "@/lib/env";
import type { ModelInfo } from "@/lib/models/types";
import { modelKind } from "@/lib/wire/model-kind";
import { gemini, upstreamName } from "./client";
import { toAppError } from "./errors";

interface CacheEntry {
  at: number;
  models: Promise<ModelInfo[]>;
}

let cache: CacheEntry | undefined;

/**
 * The whole catalogue (every page), cached briefly. Concurrent callers share one in-flight
 * request; a failed load is not cached, so the next call tries again.
 */
export function listModels(): Promise<ModelInfo[]> {
  const ttl = serverEnv().modelsCacheMs;
  if (cache && Date.now() - cache.at < ttl) return cache.models;
  const entry: CacheEntry = { at: Date.now(), models: fetchAllModels() };
  cache = entry;
  entry.models.catch(() => {
    if (cache === entry) cache = undefined;
  });
  return entry.models;
}

async function fetchAllModels(): Promise<ModelInfo[]> {
  try {
    const pager = await gemini().ai.models.list({ config: { pageSize: 1000 } });
    const models: ModelInfo[] = [];
    for await (const model of pager) models.push(toModelInfo(model));
    return models;
  } catch (error) {
    throw toAppError(error, { model: "the model list", upstream: upstreamName() });
  }
}

export function toModelInfo(model: Model): ModelInfo {
  const id = (model.name ?? "").replace(/^models\//, "");
  const actions = model.supportedActions ?? [];
  return {
    id,
    displayName: model.displayName || id,
    ...(model.description && { description: model.description }),
    ...(model.version && { version: model.version }),
    kind: modelKind(id, actions),
    ...(model.inputTokenLimit !== undefined && { inputTokenLimit: model.inputTokenLimit }),
    ...(model.outputTokenLimit !== undefined && { outputTokenLimit: model.outputTokenLimit }),
    supportedActions: actions,
    ...(model.temperature !== undefined && { temperature: model.temperature }),
    ...(model.maxTemperature !== undefined && { maxTemperature: model.maxTemperature }),
    ...(model.topP !== undefined && { topP: model.topP }),
    ...(model.topK !== undefined && { topK: model.topK }),
    ...(model.thinking !== undefined && { thinking: model.thinking }),
  };
}
