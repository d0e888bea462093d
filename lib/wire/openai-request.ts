import type { Content, GenerateContentParameters, Part } from "@google/genai";
import { OPENAI_AUDIO_FORMATS } from "./api";

/**
 * The Gemini API's request in the body of Google's OpenAI-compatible endpoint
 * (`/v1beta/openai/chat/completions`). Pure and isomorphic: the run sends it, and code export
 * prints it. What the endpoint cannot carry was refused before (`apiGaps`), so everything here
 * has a place in the body.
 *
 * Gemini's own fields travel where Google documents them: `extra_body.google` (thinking config),
 * and each tool call's thought signature in `extra_content.google.thought_signature`, which Gemini
 * 3 needs back on the call in the next request.
 */
export interface CompatChatRequest {
  model: string;
  messages: CompatMessage[];
  stream: true;
  stream_options: { include_usage: true };
  temperature?: number;
  top_p?: number;
  max_completion_tokens?: number;
  stop?: string[];
  seed?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
  reasoning_effort?: "low" | "medium" | "high";
  response_format?:
    | { type: "json_object" }
    | { type: "json_schema"; json_schema: { name: string; schema: unknown } };
  tools?: {
    type: "function";
    function: { name: string; description?: string; parameters?: unknown };
  }[];
  tool_choice?: "none" | "auto" | "required" | { type: "function"; function: { name: string } };
  extra_body?: { google: { thinking_config: CompatThinkingConfig } };
}

export interface CompatThinkingConfig {
  thinking_budget?: number;
  thinking_level?: string;
  include_thoughts?: boolean;
}

export type CompatContentPart =
  | { type: "text"; text: string }
  | { type: "image_url"; image_url: { url: string } }
  | { type: "input_audio"; input_audio: { data: string; format: "wav" | "mp3" } };

export interface CompatToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
  extra_content?: { google: { thought_signature: string } };
}

export type CompatMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string | CompatContentPart[] }
  | {
      role: "assistant";
      content: string | null;
      tool_calls?: CompatToolCall[];
      extra_content?: { google: { thought_signature: string } };
    }
  | { role: "tool"; tool_call_id: string; content: string };

export function toCompatChatRequest(params: GenerateContentParameters): CompatChatRequest {
  const config = params.config ?? {};
  const body: CompatChatRequest = {
    model: params.model,
    messages: toMessages(params.contents as Content[], systemText(config.systemInstruction)),
    stream: true,
    stream_options: { include_usage: true },
  };
  if (config.temperature !== undefined) body.temperature = config.temperature;
  if (config.topP !== undefined) body.top_p = config.topP;
  if (config.maxOutputTokens !== undefined) body.max_completion_tokens = config.maxOutputTokens;
  if (config.stopSequences?.length) body.stop = config.stopSequences;
  if (config.seed !== undefined) body.seed = config.seed;
  if (config.presencePenalty !== undefined) body.presence_penalty = config.presencePenalty;
  if (config.frequencyPenalty !== undefined) body.frequency_penalty = config.frequencyPenalty;
  if (config.responseJsonSchema) {
    body.response_format = {
      type: "json_schema",
      json_schema: { name: "response", schema: config.responseJsonSchema },
    };
  } else if (config.responseMimeType === "application/json") {
    body.response_format = { type: "json_object" };
  }
  const thinking = config.thinkingConfig;
  if (thinking) {
    const level = thinking.thinkingLevel?.toLowerCase();
    // A level alone is what `reasoning_effort` says, except "minimal", which the endpoint
    // refuses there; a budget or thought summaries need the finer `thinking_config`, and Gemini
    // refuses the two together.
    if (
      level &&
      level !== "minimal" &&
      thinking.thinkingBudget === undefined &&
      thinking.includeThoughts === undefined
    ) {
      body.reasoning_effort = level as CompatChatRequest["reasoning_effort"];
    } else {
      body.extra_body = {
        google: {
          thinking_config: {
            ...(thinking.thinkingBudget !== undefined && {
              thinking_budget: thinking.thinkingBudget,
            }),
            ...(level && { thinking_level: level }),
            ...(thinking.includeThoughts !== undefined && {
              include_thoughts: thinking.includeThoughts,
            }),
          },
        },
      };
    }
  }
  const declarations = (config.tools ?? []).flatMap((tool) =>
    "functionDeclarations" in tool ? (tool.functionDeclarations ?? []) : [],
  );
  if (declarations.length) {
    body.tools = declarations.map((f) => ({
      type: "function",
      function: {
        name: f.name ?? "",
        ...(f.description && { description: f.description }),
        ...(f.parametersJsonSchema !== undefined && { parameters: f.parametersJsonSchema }),
      },
    }));
    const calling = config.toolConfig?.functionCallingConfig;
    const only = calling?.allowedFunctionNames;
    if (calling?.mode === "NONE") body.tool_choice = "none";
    else if (calling?.mode === "ANY") {
      body.tool_choice =
        only?.length === 1 && only[0]
          ? { type: "function", function: { name: only[0] } }
          : "required";
    } else if (calling?.mode === "AUTO") body.tool_choice = "auto";
  }
  return body;
}

function systemText(instruction: unknown): string {
  const parts = (instruction as Content | undefined)?.parts ?? [];
  return parts.map((p) => p.text ?? "").join("");
}

/**
 * Gemini's turns as chat messages. A model turn's calls become the assistant's `tool_calls`; the
 * function responses that follow become `tool` messages naming the call they answer, by the
 * call's own id or, where Gemini gave none, by one made from its place in the conversation.
 */
function toMessages(contents: Content[], system: string): CompatMessage[] {
  const messages: CompatMessage[] = system ? [{ role: "system", content: system }] : [];
  let pending: { id: string; name: string }[] = [];
  contents.forEach((content, turn) => {
    const parts = content.parts ?? [];
    if (content.role === "model") {
      const calls = parts.flatMap((part, index) =>
        part.functionCall ? [toolCall(part, `call_${turn}_${index}`)] : [],
      );
      const said = parts.filter((p) => p.text !== undefined && !p.thought);
      const text = said.map((p) => p.text).join("");
      // Gemini 3 signs its answers too; the endpoint carries that on the message.
      const signature = said.find((p) => p.thoughtSignature)?.thoughtSignature;
      pending = calls.map((c) => ({ id: c.id, name: c.function.name }));
      if (!text && calls.length === 0) return;
      messages.push({
        role: "assistant",
        content: text || null,
        ...(calls.length > 0 && { tool_calls: calls }),
        ...(signature && { extra_content: { google: { thought_signature: signature } } }),
      });
      return;
    }
    const user: CompatContentPart[] = [];
    for (const part of parts) {
      if (part.functionResponse) {
        const { id, name, response } = part.functionResponse;
        const answered =
          pending.find((call) => call.id === id) ?? pending.find((call) => call.name === name);
        if (answered) pending = pending.filter((call) => call !== answered);
        messages.push({
          role: "tool",
          tool_call_id: answered?.id ?? id ?? `call_${turn}`,
          content: JSON.stringify(response ?? {}),
        });
      } else {
        const piece = userPart(part);
        if (piece) user.push(piece);
      }
    }
    if (user.length === 0) return;
    const onlyText = user.every((p) => p.type === "text");
    messages.push({
      role: "user",
      content: onlyText ? user.map((p) => (p as { text: string }).text).join("") : user,
    });
  });
  return messages;
}

function toolCall(part: Part, fallbackId: string): CompatToolCall {
  const call = part.functionCall ?? {};
  return {
    id: call.id || fallbackId,
    type: "function",
    function: { name: call.name ?? "", arguments: JSON.stringify(call.args ?? {}) },
    ...(part.thoughtSignature && {
      extra_content: { google: { thought_signature: part.thoughtSignature } },
    }),
  };
}

function userPart(part: Part): CompatContentPart | null {
  if (part.text !== undefined && !part.thought) return { type: "text", text: part.text };
  const inline = part.inlineData;
  if (!inline?.data || !inline.mimeType) return null;
  if (inline.mimeType.startsWith("image/")) {
    return {
      type: "image_url",
      image_url: { url: `data:${inline.mimeType};base64,${inline.data}` },
    };
  }
  const format = OPENAI_AUDIO_FORMATS[inline.mimeType];
  return format ? { type: "input_audio", input_audio: { data: inline.data, format } } : null;
}
