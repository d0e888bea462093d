/**
 * Thinking: models the catalogue marks `thinking: true` spend thought tokens (reported as
 * `thoughtsTokenCount`, as real ones do even when thoughts are not returned). With
 * `thinkingConfig.includeThoughts` a summary streams first as `thought: true` parts (one section per
 * chunk, thought-summary.ts), and the first answer part carries a `thoughtSignature` that clients
 * must send back verbatim. Gemini 3 streams instead end with an empty text part that carries the
 * signature, as the real ones do. The summary runs to about four characters per thinking token.
 * Thoughts are output: they count toward `maxOutputTokens` (see `cap`).
 */

import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue";
import type { WireGenerationConfig } from "@/lib/emulator/types";
import type { RequestEcho } from "./answer";
import { signatureFor } from "./thought-signature";
import { thoughtSections } from "./thought-summary";

export interface ThoughtPlan {
  tokens: number;
  /** Present when the client asked for thoughts back: one summary section per stream chunk. */
  sections?: string[];
  text?: string;
  signature?: string;
}

const DEFAULT_THOUGHT_TOKENS = 64;
const LEVEL_TOKENS: Record<string, number> = { minimal: 16, low: 32, medium: 64, high: 128 };

export function thoughtTokens(
  model: CatalogueModel,
  config: WireGenerationConfig,
  directive: number | undefined,
): number {
  if (!model.thinking) return 0;
  if (directive !== undefined) return directive;
  const thinking = config.thinkingConfig ?? {};
  if (thinking.thinkingBudget === 0) return 0;
  const level = thinking.thinkingLevel?.toLowerCase();
  const wanted = (level && LEVEL_TOKENS[level]) || DEFAULT_THOUGHT_TOKENS;
  const budget = thinking.thinkingBudget;
  return budget !== undefined && budget > 0 ? Math.min(budget, wanted) : wanted;
}

export function planThoughts(
  echo: RequestEcho,
  model: CatalogueModel,
  config: WireGenerationConfig,
  options: { directive: number | undefined; seed: number; task: string; cap?: number },
): ThoughtPlan | undefined {
  const wanted = thoughtTokens(model, config, options.directive);
  // Thinking spends the output budget first; what it leaves is all the answer gets.
  const tokens = options.cap === undefined ? wanted : Math.min(wanted, options.cap);
  if (tokens === 0) return undefined;
  if (!config.thinkingConfig?.includeThoughts) {
    // Gemini 3 signs its answers whether or not thoughts are returned; 2.5 only when they are.
    return signsAlways(model) ? { tokens, signature: signatureFor(echo.fingerprint) } : { tokens };
  }
  const topic = { ...echo, task: options.task };
  const sections = thoughtSections(topic, tokens * 4, options.seed);
  return { tokens, sections, text: sections.join(""), signature: signatureFor(echo.fingerprint) };
}

export function signsAlways(model: CatalogueModel): boolean {
  return model.name.startsWith("models/gemini-3");
}
