/**
 * Echo lines for the run settings a request actually carried (absent settings print nothing), so
 * a test can prove that a control in the UI reached the wire. answer.ts lists the formats.
 */

import { isSchemaObject } from "@/lib/emulator/schema/schema-node";
import type { GenerateRequest } from "@/lib/emulator/types";
import { declaredFunctions } from "./function-calls";

const num = (value: unknown): value is number => typeof value === "number";

function thinkingLine(request: GenerateRequest): string | undefined {
  const thinking = request.generationConfig.thinkingConfig;
  if (!thinking) return undefined;
  const parts: string[] = [];
  if (num(thinking.thinkingBudget)) parts.push(`budget ${thinking.thinkingBudget}`);
  if (thinking.thinkingLevel) parts.push(`level ${thinking.thinkingLevel}`);
  if (thinking.includeThoughts) parts.push("include thoughts");
  return parts.length > 0 ? `- Thinking: ${parts.join(", ")}` : undefined;
}

/** `googleSearch, codeExecution, urlContext, functions(get_weather, get_time)`, in request order. */
export function toolNames(request: GenerateRequest): string[] {
  const names: string[] = [];
  for (const tool of request.tools ?? []) {
    if (!isSchemaObject(tool)) continue;
    for (const key of Object.keys(tool)) {
      if (key !== "functionDeclarations") names.push(key);
      else {
        const functions = declaredFunctions([tool]).map((decl) => decl.name);
        names.push(`functions(${functions.join(", ")})`);
      }
    }
  }
  return names;
}

function callingLine(request: GenerateRequest): string | undefined {
  const config = request.toolConfig?.functionCallingConfig;
  if (!config?.mode) return undefined;
  const allowed = config.allowedFunctionNames ?? [];
  return `- Function calling: ${config.mode}${allowed.length > 0 ? ` (${allowed.join(", ")})` : ""}`;
}

export function settingLines(request: GenerateRequest): string[] {
  const c = request.generationConfig;
  const lines: (string | undefined)[] = [
    num(c.topP) ? `- Top P: ${c.topP}` : undefined,
    num(c.topK) ? `- Top K: ${c.topK}` : undefined,
    num(c.maxOutputTokens) ? `- Max output tokens: ${c.maxOutputTokens}` : undefined,
    // The count only: quoting a stop sequence would put it in the answer, which a real model never
    // sends, and the stop would cut the answer inside its own echo.
    c.stopSequences?.length ? `- Stop sequences: ${c.stopSequences.length}` : undefined,
    num(c.seed) ? `- Seed: ${c.seed}` : undefined,
    num(c.presencePenalty) ? `- Presence penalty: ${c.presencePenalty}` : undefined,
    num(c.frequencyPenalty) ? `- Frequency penalty: ${c.frequencyPenalty}` : undefined,
    num(c.candidateCount) ? `- Candidate count: ${c.candidateCount}` : undefined,
    c.responseMimeType ? `- Response MIME type: ${c.responseMimeType}` : undefined,
    c.responseModalities?.length
      ? `- Response modalities: ${c.responseModalities.join(", ")}`
      : undefined,
    c.mediaResolution ? `- Media resolution: ${c.mediaResolution}` : undefined,
    request.safetySettings?.length
      ? `- Safety: ${request.safetySettings.map((s) => `${s.category}=${s.threshold}`).join(", ")}`
      : undefined,
    thinkingLine(request),
    request.tools?.length ? `- Tools: ${toolNames(request).join(", ")}` : undefined,
    callingLine(request),
  ];
  return lines.filter((line): line is string => line !== undefined);
}
