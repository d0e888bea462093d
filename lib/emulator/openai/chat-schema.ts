/**
 * The chat-completions request as the compat endpoint's proto reads it: OpenAI's field names, plus
 * Google's own `extra_body.google` (thinking_config, cached_content) and `extra_content.google`
 * (thought signatures) extensions. Anything else is "Unknown name … Cannot find field." The list
 * is what Google documents as supported (https://ai.google.dev/gemini-api/docs/openai) plus
 * `user` and `parallel_tool_calls`, which OpenAI clients send routinely and which change nothing.
 * The proto type names are not published; the ones below only appear in `Invalid value at …`.
 */
import { anyJson, bool, type CompatMessage, float, int32, list, msg, str } from "./request-walk";

const GOOGLE_EXTRA_CONTENT: CompatMessage = {
  typeName: "GoogleExtraContent",
  fields: { thought_signature: str, thought: bool },
};

const EXTRA_CONTENT: CompatMessage = {
  typeName: "ExtraContent",
  fields: { google: msg(GOOGLE_EXTRA_CONTENT) },
};

const TOOL_CALL: CompatMessage = {
  typeName: "ChatCompletionMessageToolCall",
  fields: {
    id: str,
    type: str,
    function: msg({
      typeName: "ChatCompletionMessageToolCall.Function",
      fields: { name: str, arguments: str },
    }),
    extra_content: msg(EXTRA_CONTENT),
  },
};

const MESSAGE: CompatMessage = {
  typeName: "ChatCompletionMessage",
  fields: {
    role: str,
    content: anyJson,
    name: str,
    tool_calls: list(msg(TOOL_CALL)),
    tool_call_id: str,
    extra_content: msg(EXTRA_CONTENT),
  },
};

const TOOL: CompatMessage = {
  typeName: "ChatCompletionTool",
  fields: {
    type: str,
    function: msg({
      typeName: "ChatCompletionTool.Function",
      fields: { name: str, description: str, parameters: anyJson, strict: bool },
    }),
  },
};

const RESPONSE_FORMAT: CompatMessage = {
  typeName: "ResponseFormat",
  fields: {
    type: str,
    json_schema: msg({
      typeName: "ResponseFormat.JsonSchema",
      fields: { name: str, description: str, schema: anyJson, strict: bool },
    }),
  },
};

const EXTRA_BODY: CompatMessage = {
  typeName: "ExtraBody",
  fields: {
    google: msg({
      typeName: "GoogleExtraBody",
      fields: {
        thinking_config: msg({
          typeName: "GoogleExtraBody.ThinkingConfig",
          fields: { thinking_budget: int32, thinking_level: str, include_thoughts: bool },
        }),
        cached_content: str,
      },
    }),
  },
};

export const CHAT_COMPLETION_REQUEST: CompatMessage = {
  typeName: "ChatCompletionRequest",
  fields: {
    model: str,
    messages: list(msg(MESSAGE)),
    stream: bool,
    stream_options: msg({ typeName: "StreamOptions", fields: { include_usage: bool } }),
    temperature: float,
    top_p: float,
    n: int32,
    max_tokens: int32,
    max_completion_tokens: int32,
    stop: anyJson,
    seed: int32,
    presence_penalty: float,
    frequency_penalty: float,
    tools: list(msg(TOOL)),
    tool_choice: anyJson,
    response_format: msg(RESPONSE_FORMAT),
    reasoning_effort: str,
    extra_body: msg(EXTRA_BODY),
    user: str,
    parallel_tool_calls: bool,
  },
};

/** The parsed request, snake_case as the walker returns it. */
export interface ChatToolCall {
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
  extra_content?: { google?: { thought_signature?: string; thought?: boolean } };
}

export interface ChatMessage {
  role?: string;
  content?: unknown;
  name?: string;
  tool_calls?: ChatToolCall[];
  tool_call_id?: string;
  extra_content?: { google?: { thought_signature?: string; thought?: boolean } };
}

export interface ChatTool {
  type?: string;
  function?: { name?: string; description?: string; parameters?: unknown; strict?: boolean };
}

export interface ChatRequest {
  model?: string;
  messages?: ChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  temperature?: number;
  top_p?: number;
  n?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  stop?: unknown;
  seed?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
  tools?: ChatTool[];
  tool_choice?: unknown;
  response_format?: {
    type?: string;
    json_schema?: { name?: string; description?: string; schema?: unknown; strict?: boolean };
  };
  reasoning_effort?: string;
  extra_body?: {
    google?: {
      thinking_config?: {
        thinking_budget?: number;
        thinking_level?: string;
        include_thoughts?: boolean;
      };
      cached_content?: string;
    };
  };
}
