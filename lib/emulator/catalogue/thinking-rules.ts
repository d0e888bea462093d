/**
 * Which thinking settings a model accepts, checked before anything is generated so a client sees
 * the same 400s it would get from Google: the 2.5 family takes a token budget (Pro cannot switch
 * thinking off), Gemini 3 takes a level (and still a budget, for old clients), never both. Two
 * messages are Google's own (see the wire captures); the others are written in the same voice.
 * Models without thinking ignore thinkingConfig, as we have no evidence of what Google says there.
 */

import type { WireGenerationConfig } from "@/lib/emulator/types";
import { invalidArgument } from "@/lib/emulator/validation/errors";
import type { CatalogueModel } from "./catalogue";

const LEVELS = ["MINIMAL", "LOW", "MEDIUM", "HIGH"];

interface ThinkingSpec {
  min: number;
  max: number;
  /** Whether a budget of 0 turns thinking off (it does not on Pro models). */
  canDisable: boolean;
  /** Levels the model accepts; undefined for the 2.5 family, which has none. */
  levels?: string[];
}

function specFor(model: CatalogueModel): ThinkingSpec | undefined {
  if (!model.thinking) return undefined;
  const id = model.name.slice("models/".length);
  const gemini3 = id.startsWith("gemini-3");
  if (id.includes("pro")) {
    const levels = id.startsWith("gemini-3-pro") ? ["LOW", "HIGH"] : ["LOW", "MEDIUM", "HIGH"];
    return { min: 128, max: 32768, canDisable: false, ...(gemini3 && { levels }) };
  }
  const min = id.includes("lite") ? 512 : 1;
  return { min, max: 24576, canDisable: true, ...(gemini3 && { levels: LEVELS }) };
}

export function checkThinking(model: CatalogueModel, config: WireGenerationConfig): void {
  const thinking = config.thinkingConfig;
  const spec = specFor(model);
  if (!thinking || !spec) return;
  const budget = thinking.thinkingBudget;
  const rawLevel = thinking.thinkingLevel;
  const level = rawLevel === "THINKING_LEVEL_UNSPECIFIED" ? undefined : rawLevel;
  if (level !== undefined && !LEVELS.includes(level)) {
    throw invalidArgument(
      `Invalid value at 'generation_config.thinking_config.thinking_level' (type.googleapis.com/google.ai.generativelanguage.v1beta.GenerationConfig.ThinkingConfig.ThinkingLevel), ${JSON.stringify(level)}`,
    );
  }
  if (budget !== undefined && level !== undefined) {
    throw invalidArgument("You can only set only one of thinking budget and thinking level.");
  }
  if (level !== undefined) {
    if (!spec.levels) {
      throw invalidArgument(
        "Thinking level is not supported for this model. Please retry with thinking budget instead.",
      );
    }
    if (!spec.levels.includes(level)) {
      throw invalidArgument(
        `Thinking level ${level} is not supported for this model. Please retry with other thinking level.`,
      );
    }
  }
  if (budget === undefined || budget === -1) return;
  if (budget === 0) {
    if (spec.canDisable) return;
    throw invalidArgument("Budget 0 is invalid. This model only works in thinking mode.");
  }
  if (!Number.isInteger(budget) || budget < spec.min || budget > spec.max) {
    const off = spec.canDisable ? "0 (off), -1 (dynamic) or " : "-1 (dynamic) or ";
    throw invalidArgument(
      `The thinking budget ${budget} is invalid. Please choose ${off}a value between ${spec.min} and ${spec.max}.`,
    );
  }
}
