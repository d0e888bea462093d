/**
 * A unary chat completion from the native unary response (native/candidates.ts), keys sorted:
 *   {choices: [{finish_reason, index, message: {content?, extra_content?, role: "assistant",
 *    tool_calls?}}], created, id, model, object: "chat.completion", usage}
 * `id` is the native responseId (discuss.ai.google.dev/t/127400 shows `"id":"Q9ugadePBtbAqtsPx5e1iAE"`,
 * not a `chatcmpl-` id), `model` the model as the request named it. With include_thoughts the
 * thought summary leads the content inside `<thought>…</thought>`. A tool-call answer has no
 * content and finish_reason "tool_calls" (googleapis/python-genai#2868: unary says tool_calls,
 * the stream says stop). The answer's thought signature, if any, rides in
 * `message.extra_content.google.thought_signature`; each call's on the call. A blocked prompt has
 * one choice with finish_reason content_filter and no content (the real shape is unconfirmed).
 */
import type { JsonObject } from "@/lib/emulator/types";
import {
  type CandidateParts,
  candidatesOf,
  compatUsage,
  finishReason,
  googleExtra,
  readCandidate,
  toolCall,
  usageOf,
} from "./chat-choices";

export function thoughtWrapped(thoughts: string[], text: string): string {
  return thoughts.length > 0 ? `<thought>${thoughts.join("")}</thought>${text}` : text;
}

function choice(read: CandidateParts): JsonObject {
  const message: JsonObject = { role: "assistant" };
  const content = thoughtWrapped(read.thoughts, read.texts.join(""));
  if (content !== "") message.content = content;
  if (read.textSignature) {
    message.extra_content = googleExtra({ thought_signature: read.textSignature });
  }
  if (read.calls.length > 0) message.tool_calls = read.calls.map(toolCall);
  const native = read.finishReason ?? "STOP";
  const reason = read.calls.length > 0 && native === "STOP" ? "tool_calls" : finishReason(native);
  return { finish_reason: reason, index: read.index, message };
}

export function unaryCompletion(native: JsonObject, model: string): JsonObject {
  const candidates = candidatesOf(native);
  const choices =
    candidates.length > 0
      ? candidates.map((candidate, index) => choice(readCandidate(candidate, index)))
      : [{ finish_reason: "content_filter", index: 0, message: { role: "assistant" } }];
  return {
    choices,
    created: Math.floor(Date.now() / 1000),
    id: typeof native.responseId === "string" ? native.responseId : "",
    model,
    object: "chat.completion",
    usage: compatUsage(usageOf(native)),
  };
}
