/**
 * Thinking over the compat endpoint: OpenAI's `reasoning_effort`, or Google's own
 * `extra_body.google.thinking_config` ({thinking_budget, thinking_level, include_thoughts}), both
 * turned into the native `generationConfig.thinkingConfig` so the native rules
 * (catalogue/thinking-rules.ts) judge the result, as they do on Google's side.
 *
 * reasoning_effort (https://ai.google.dev/gemini-api/docs/openai, "Thinking"): Gemini 2.5 and
 * other budget models take a budget, low 1,024, medium 8,192, high 24,576 ("behind the scenes we
 * map to 1K, 8K, and 24K thinking token budgets", Logan Kilpatrick, quoted on the TypingMind
 * tracker), none 0 (so 2.5 Pro answers the native "Budget 0 is invalid. This model only works in
 * thinking mode."). Gemini 3 takes a level: low, medium, high as named (gemini-3-pro-preview then
 * refuses medium with the native "Thinking level MEDIUM is not supported for this model. Please
 * retry with other thinking level", discuss.ai.google.dev/t/112648), and none becomes the lowest
 * level the model has, MINIMAL on Flash and LOW on Pro, since Gemini 3 cannot stop thinking.
 * "minimal" is documented but the live endpoint refuses it: 400 "Invalid reasoning_effort:
 * minimal. Valid values are: high, low, medium, none" (discuss.ai.google.dev/t/117875 and
 * /t/118724, 2026), and so does any other value.
 *
 * The docs say reasoning_effort and thinking_budget/thinking_level "overlap" and cannot be used
 * together; the wording of Google's refusal is not public, so the message below is ours.
 * include_thoughts alone combines with reasoning_effort.
 */
import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue";
import type { WireGenerationConfig } from "@/lib/emulator/types";
import { invalidArgument } from "@/lib/emulator/validation/errors";
import type { ChatRequest } from "./chat-schema";

const EFFORTS = ["high", "low", "medium", "none"];
const BUDGETS: Record<string, number> = { none: 0, low: 1024, medium: 8192, high: 24576 };

export const BOTH_THINKING_MESSAGE =
  "reasoning_effort and extra_body.google.thinking_config (thinking_budget or thinking_level) overlap; set only one of them.";

type ThinkingConfig = NonNullable<WireGenerationConfig["thinkingConfig"]>;

function levelModel(model: CatalogueModel): boolean {
  return model.name.startsWith("models/gemini-3");
}

function effortConfig(effort: string, model: CatalogueModel): ThinkingConfig {
  if (!EFFORTS.includes(effort)) {
    throw invalidArgument(
      `Invalid reasoning_effort: ${effort}. Valid values are: ${EFFORTS.join(", ")}`,
    );
  }
  if (!levelModel(model)) return { thinkingBudget: BUDGETS[effort] ?? 0 };
  if (effort !== "none") return { thinkingLevel: effort.toUpperCase() };
  return { thinkingLevel: model.name.includes("pro") ? "LOW" : "MINIMAL" };
}

/** The native thinkingConfig for the request, or undefined when it asks for nothing. */
export function thinkingConfigFor(
  request: ChatRequest,
  model: CatalogueModel,
): ThinkingConfig | undefined {
  const google = request.extra_body?.google?.thinking_config;
  const effort = request.reasoning_effort;
  if (effort !== undefined) {
    if (google?.thinking_budget !== undefined || google?.thinking_level !== undefined) {
      throw invalidArgument(BOTH_THINKING_MESSAGE);
    }
    const config = effortConfig(effort, model);
    return google?.include_thoughts !== undefined
      ? { ...config, includeThoughts: google.include_thoughts }
      : config;
  }
  if (!google) return undefined;
  const config: ThinkingConfig = {};
  if (google.thinking_budget !== undefined) config.thinkingBudget = google.thinking_budget;
  if (google.thinking_level !== undefined) config.thinkingLevel = google.thinking_level;
  if (google.include_thoughts !== undefined) config.includeThoughts = google.include_thoughts;
  return Object.keys(config).length > 0 ? config : undefined;
}
