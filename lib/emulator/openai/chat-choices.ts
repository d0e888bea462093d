/**
 * What unary and streamed completions share: reading a native candidate's parts, the finish
 * reasons, usage and tool-call shapes.
 *
 * Usage is the native usageMetadata renamed: prompt_tokens = promptTokenCount, completion_tokens
 * = candidatesTokenCount, total_tokens = totalTokenCount, which counts thinking too, so the three
 * do not add up on thinking models and nothing itemises the thoughts (two captures with thinking
 * models: softwaremill/sttp-ai#338 `{"completion_tokens": 24, "prompt_tokens": 138,
 * "total_tokens": 448}`, discuss.ai.google.dev/t/127400 `{"completion_tokens":1,"prompt_tokens":9,
 * "total_tokens":103}`; neither has completion_tokens_details).
 *
 * Tool calls: `{extra_content?, function: {arguments, name}, id, type: "function"}`, the id eight
 * lowercase letters and digits (noho/dayu-agent#45 captured `"id": "jm4owj31"`), arguments the
 * compact JSON of the native args, and the call's thought signature in
 * `extra_content.google.thought_signature`.
 */
import type { JsonObject, JsonValue, WirePart } from "@/lib/emulator/types";

const FINISH_REASONS: Record<string, string> = {
  STOP: "stop",
  MAX_TOKENS: "length",
  SAFETY: "content_filter",
  RECITATION: "content_filter",
  BLOCKLIST: "content_filter",
  PROHIBITED_CONTENT: "content_filter",
  SPII: "content_filter",
  IMAGE_SAFETY: "content_filter",
};

export function finishReason(native: string): string {
  return FINISH_REASONS[native] ?? "stop";
}

function count(usage: JsonObject | undefined, key: string): number {
  const value = usage?.[key];
  return typeof value === "number" ? value : 0;
}

export function compatUsage(usage: JsonObject | undefined): JsonObject {
  return {
    completion_tokens: count(usage, "candidatesTokenCount"),
    prompt_tokens: count(usage, "promptTokenCount"),
    total_tokens: count(usage, "totalTokenCount"),
  };
}

const ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

export function toolCallId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => ID_CHARS[byte % ID_CHARS.length]).join("");
}

export function googleExtra(fields: JsonObject): JsonObject {
  return { google: fields };
}

export function toolCall(part: WirePart): JsonObject {
  const call: JsonObject = {
    function: {
      arguments: JSON.stringify(part.functionCall?.args ?? {}),
      name: part.functionCall?.name ?? "",
    },
    id: toolCallId(),
    type: "function",
  };
  if (part.thoughtSignature) {
    call.extra_content = googleExtra({ thought_signature: part.thoughtSignature });
  }
  return call;
}

export interface CandidateParts {
  index: number;
  thoughts: string[];
  texts: string[];
  calls: WirePart[];
  /** The signature on a (non-thought) text part: the answer's own. */
  textSignature?: string;
  finishReason?: string;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A native candidate's parts, sorted by what the compat answer does with them. */
export function readCandidate(candidate: JsonValue, fallbackIndex: number): CandidateParts {
  const object = isObject(candidate) ? candidate : {};
  const content = isObject(object.content) ? object.content : {};
  const parts = (Array.isArray(content.parts) ? content.parts : []) as WirePart[];
  const read: CandidateParts = {
    index: typeof object.index === "number" ? object.index : fallbackIndex,
    thoughts: [],
    texts: [],
    calls: [],
  };
  for (const part of parts) {
    if (part.functionCall) read.calls.push(part);
    else if (typeof part.text === "string" && part.thought) read.thoughts.push(part.text);
    else if (typeof part.text === "string") {
      read.texts.push(part.text);
      if (part.thoughtSignature && !read.textSignature) read.textSignature = part.thoughtSignature;
    }
  }
  if (typeof object.finishReason === "string") read.finishReason = object.finishReason;
  return read;
}

export function candidatesOf(body: JsonObject): JsonValue[] {
  return Array.isArray(body.candidates) ? body.candidates : [];
}

export function usageOf(body: JsonObject): JsonObject | undefined {
  return isObject(body.usageMetadata) ? body.usageMetadata : undefined;
}
