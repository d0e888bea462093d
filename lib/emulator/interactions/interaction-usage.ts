/**
 * `usage` as the Interactions API reports it, from the same counts generateContent bills
 * (`usageMetadata`): `total_input_tokens` is the prompt (the whole conversation, history
 * included), `total_output_tokens` the answer, `total_thought_tokens` and `total_tool_use_tokens`
 * apart, `total_tokens` all of them. Modalities are lower case (`text`, `image`), keys in the
 * alphabetical order live answers show (`input_tokens_by_modality`, `total_cached_tokens`, …).
 */
import type { JsonObject, JsonValue } from "@/lib/emulator/types";
import { isObject } from "./schema-walk";

export interface UsageCounts {
  input: number;
  inputByModality?: { modality: string; tokens: number }[];
  output: number;
  outputByModality?: { modality: string; tokens: number }[];
  thought?: number;
  toolUse?: number;
}

function modalities(details: JsonValue | undefined): { modality: string; tokens: number }[] {
  if (!Array.isArray(details)) return [];
  return details.filter(isObject).map((detail) => ({
    modality: String(detail.modality ?? "TEXT").toLowerCase(),
    tokens: typeof detail.tokenCount === "number" ? detail.tokenCount : 0,
  }));
}

const count = (value: JsonValue | undefined): number => (typeof value === "number" ? value : 0);

/** Counts from a native `usageMetadata`. */
export function countsOf(usageMetadata: JsonObject): UsageCounts {
  return {
    input: count(usageMetadata.promptTokenCount),
    inputByModality: modalities(usageMetadata.promptTokensDetails),
    output: count(usageMetadata.candidatesTokenCount),
    outputByModality: modalities(usageMetadata.candidatesTokensDetails),
    thought: count(usageMetadata.thoughtsTokenCount),
    toolUse: count(usageMetadata.toolUsePromptTokenCount),
  };
}

export function usageJson(counts: UsageCounts): JsonObject {
  const thought = counts.thought ?? 0;
  const toolUse = counts.toolUse ?? 0;
  const usage: JsonObject = {};
  if (counts.inputByModality?.length) usage.input_tokens_by_modality = counts.inputByModality;
  if (counts.outputByModality?.length) usage.output_tokens_by_modality = counts.outputByModality;
  if (toolUse > 0) usage.tool_use_tokens_by_modality = [{ modality: "text", tokens: toolUse }];
  usage.total_cached_tokens = 0;
  usage.total_input_tokens = counts.input;
  usage.total_output_tokens = counts.output;
  if (thought > 0) usage.total_thought_tokens = thought;
  usage.total_tokens = counts.input + counts.output + thought + toolUse;
  if (toolUse > 0) usage.total_tool_use_tokens = toolUse;
  return usage;
}
