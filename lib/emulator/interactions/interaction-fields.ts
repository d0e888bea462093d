/**
 * The create body as the SDK's types define it (`CreateModelInteraction`, `CreateAgentInteraction`
 * in @google/genai 3.3's genai.d.ts): content blocks, steps, tools, generation and agent config,
 * response formats. Open-ended enums (`… | (string & {})` in the SDK) are still checked against the
 * values it lists, since a value outside them is a typo the live service refuses.
 */
import {
  any,
  bool,
  bytes,
  either,
  int,
  list,
  map,
  num,
  type ObjectSpec,
  obj,
  oneOf,
  type Spec,
  str,
  struct,
  typed,
} from "./schema-walk";

const RESOLUTION = oneOf("MediaResolution", ["low", "medium", "high", "ultra_high"]);

const media = (name: string, extra: Record<string, Spec> = {}): ObjectSpec =>
  obj(name, { type: str(), data: bytes(), uri: str(), mime_type: str(), ...extra });

export const CONTENT_VARIANTS: Record<string, ObjectSpec> = {
  text: obj("TextContent", { type: str(), text: str(), annotations: list(any()) }, ["text"]),
  image: media("ImageContent", { resolution: RESOLUTION }),
  audio: media("AudioContent", { channels: int(), sample_rate: int() }),
  document: media("DocumentContent"),
  video: media("VideoContent", { name: str(), processing: any(), resolution: RESOLUTION }),
};

export const CONTENT = typed("Content", CONTENT_VARIANTS);
export const CONTENT_TYPES = Object.keys(CONTENT_VARIANTS);

const SIGNED = { signature: str() };

const call = (name: string, extra: Record<string, Spec>, required: string[] = []): ObjectSpec =>
  obj(name, { type: str(), id: str(), ...SIGNED, ...extra }, ["id", ...required]);

const result = (name: string, extra: Record<string, Spec>, required: string[] = []): ObjectSpec =>
  obj(name, { type: str(), call_id: str(), ...SIGNED, ...extra }, ["call_id", ...required]);

const SUMMARY = typed("ThoughtSummaryContent", {
  text: CONTENT_VARIANTS.text as ObjectSpec,
  image: CONTENT_VARIANTS.image as ObjectSpec,
});

export const STEP_VARIANTS: Record<string, ObjectSpec> = {
  user_input: obj("UserInputStep", { type: str(), content: list(CONTENT) }),
  model_output: obj("ModelOutputStep", { type: str(), content: list(CONTENT), error: any() }),
  thought: obj("ThoughtStep", { type: str(), signature: str(), summary: list(SUMMARY) }),
  function_call: obj(
    "FunctionCallStep",
    { type: str(), id: str(), name: str(), arguments: struct() },
    ["id", "name", "arguments"],
  ),
  function_result: obj(
    "FunctionResultStep",
    {
      type: str(),
      call_id: str(),
      name: str(),
      is_error: bool(),
      result: either("FunctionResultStep.result", str(), struct(), list(CONTENT)),
    },
    ["call_id", "result"],
  ),
  code_execution_call: call(
    "CodeExecutionCallStep",
    { arguments: obj("CodeExecutionCallArguments", { code: str(), language: str() }) },
    ["arguments"],
  ),
  code_execution_result: result(
    "CodeExecutionResultStep",
    { is_error: bool(), result: either("CodeExecutionResultStep.result", str(), list(CONTENT)) },
    ["result"],
  ),
  google_search_call: call(
    "GoogleSearchCallStep",
    {
      arguments: obj("GoogleSearchCallArguments", { queries: list(str()) }),
      search_type: oneOf("SearchType", ["web_search", "image_search", "enterprise_web_search"]),
    },
    ["arguments"],
  ),
  google_search_result: result(
    "GoogleSearchResultStep",
    {
      is_error: bool(),
      result: list(obj("GoogleSearchResult", { search_suggestions: str() })),
    },
    ["result"],
  ),
  url_context_call: call(
    "URLContextCallStep",
    { arguments: obj("URLContextCallArguments", { urls: list(str()) }) },
    ["arguments"],
  ),
  url_context_result: result(
    "URLContextResultStep",
    {
      is_error: bool(),
      result: list(
        obj("URLContextResult", {
          url: str(),
          status: oneOf("URLContextResultStatus", ["success", "error", "paywall", "unsafe"]),
        }),
      ),
    },
    ["result"],
  ),
  google_maps_call: call("GoogleMapsCallStep", { arguments: any() }),
  google_maps_result: result("GoogleMapsResultStep", { result: list(any()) }),
  file_search_call: call("FileSearchCallStep", {}),
  file_search_result: result("FileSearchResultStep", {}),
  mcp_server_tool_call: obj(
    "MCPServerToolCallStep",
    { type: str(), id: str(), name: str(), server_name: str(), arguments: struct() },
    ["id", "name", "server_name", "arguments"],
  ),
  mcp_server_tool_result: obj(
    "MCPServerToolResultStep",
    { type: str(), call_id: str(), name: str(), server_name: str(), result: any() },
    ["call_id", "result"],
  ),
  retrieval_call: call("RetrievalCallStep", { arguments: any(), retrieval_type: str() }),
  retrieval_result: result("RetrievalResultStep", { is_error: bool() }),
  processing_call: call("ProcessingCallStep", {}),
  processing_result: result("ProcessingResultStep", {}),
};

export const STEP = typed("Step", STEP_VARIANTS);

const TOOL_CHOICE_TYPES = ["auto", "any", "none", "validated"];

const TOOL = typed("Tool", {
  function: obj("Function", { type: str(), name: str(), description: str(), parameters: any() }, [
    "name",
  ]),
  google_search: obj("GoogleSearch", {
    type: str(),
    search_types: list(
      oneOf("SearchType", ["web_search", "image_search", "enterprise_web_search"]),
    ),
  }),
  code_execution: obj("CodeExecution", { type: str() }),
  url_context: obj("URLContext", { type: str() }),
  google_maps: obj("GoogleMaps", {
    type: str(),
    enable_widget: bool(),
    latitude: num(),
    longitude: num(),
  }),
  file_search: obj("FileSearch", {
    type: str(),
    file_search_store_names: list(str()),
    metadata_filter: str(),
    top_k: int(),
  }),
  computer_use: obj("ComputerUse", {
    type: str(),
    disabled_safety_policies: list(str()),
    enable_prompt_injection_detection: bool(),
    environment: str(),
    excluded_predefined_functions: list(str()),
  }),
  mcp_server: obj("MCPServer", {
    type: str(),
    name: str(),
    url: str(),
    headers: map(str()),
    allowed_tools: list(
      obj("AllowedTools", { mode: oneOf("ToolChoiceType", TOOL_CHOICE_TYPES), tools: list(str()) }),
    ),
  }),
  retrieval: obj("Retrieval", {
    type: str(),
    retrieval_types: list(str()),
    vertex_ai_search_config: any(),
    rag_store_config: any(),
    exa_ai_search_config: any(),
    parallel_ai_search_config: any(),
  }),
});

const SPEECH = obj("SpeechConfig", { voice: str(), speaker: str(), language: str() });

export const THINKING_LEVELS = ["minimal", "low", "medium", "high", "xhigh"];

const GENERATION_CONFIG = obj("GenerationConfig", {
  temperature: num(),
  top_p: num(),
  max_output_tokens: int(),
  seed: int(),
  stop_sequences: list(str()),
  thinking_level: oneOf("ThinkingLevel", THINKING_LEVELS),
  thinking_summaries: oneOf("ThinkingSummaries", ["auto", "none"]),
  tool_choice: either(
    "ToolChoice",
    oneOf("ToolChoiceType", TOOL_CHOICE_TYPES),
    obj("ToolChoiceConfig", {
      allowed_tools: obj("AllowedTools", {
        mode: oneOf("ToolChoiceType", TOOL_CHOICE_TYPES),
        tools: list(str()),
      }),
    }),
  ),
  image_config: obj("ImageConfig", { aspect_ratio: str(), image_size: str() }),
  speech_config: either(
    "SpeechConfig",
    obj("SpeakerConfig", { speakers: list(SPEECH) }),
    list(SPEECH),
  ),
  transcription_config: any(),
  video_config: any(),
});

export const RESPONSE_FORMAT_VARIANTS: Record<string, ObjectSpec> = {
  text: obj("TextResponseFormat", { type: str(), mime_type: str(), schema: struct() }),
  image: obj("ImageResponseFormat", {
    type: str(),
    aspect_ratio: str(),
    delivery: str(),
    image_size: str(),
    mime_type: str(),
  }),
  audio: obj("AudioResponseFormat", {
    type: str(),
    bit_rate: int(),
    delivery: str(),
    mime_type: str(),
    sample_rate: int(),
  }),
  video: obj("VideoResponseFormat", {
    type: str(),
    aspect_ratio: str(),
    delivery: str(),
    resolution: str(),
    duration_seconds: num(),
  }),
};

const AGENT_CONFIG = typed("AgentConfig", {
  "deep-research": obj("DeepResearchAgentConfig", {
    type: str(),
    collaborative_planning: bool(),
    enable_bigquery_tool: bool(),
    thinking_summaries: oneOf("ThinkingSummaries", ["auto", "none"]),
    visualization: oneOf("Visualization", ["off", "auto"]),
  }),
  dynamic: obj("DynamicAgentConfig", { type: str() }),
  antigravity: obj("AntigravityAgentConfig", {
    type: str(),
    max_total_tokens: str(),
    model: str(),
  }),
  "code-mender": obj("CodeMenderAgentConfig", {
    type: str(),
    find_request: any(),
    fix_request: any(),
    model: str(),
    session_config: any(),
    session_id: str(),
  }),
});

const SAFETY_SETTING = obj(
  "SafetySetting",
  {
    type: oneOf("HarmCategory", [
      "hate_speech",
      "dangerous_content",
      "harassment",
      "sexually_explicit",
      "civic_integrity",
      "image_hate",
      "image_dangerous_content",
      "image_harassment",
      "image_sexually_explicit",
      "jailbreak",
    ]),
    threshold: oneOf("Threshold", [
      "block_low_and_above",
      "block_medium_and_above",
      "block_only_high",
      "block_none",
      "off",
    ]),
    method: oneOf("Method", ["severity", "probability"]),
  },
  ["type", "threshold"],
);

/**
 * `input` and `response_format` are unions the walker cannot tell apart by JSON kind alone; the
 * request reader (interaction-request.ts) checks them with the specs exported above.
 */
export const CREATE_BODY = obj("CreateInteraction", {
  model: str(),
  agent: str(),
  agent_config: AGENT_CONFIG,
  input: any(),
  system_instruction: str(),
  generation_config: GENERATION_CONFIG,
  tools: list(TOOL),
  response_format: any(),
  response_mime_type: str(),
  response_modalities: list(
    oneOf("ResponseModality", ["text", "image", "audio", "video", "document"]),
  ),
  safety_settings: list(SAFETY_SETTING),
  previous_interaction_id: str(),
  continuation_token: str(),
  background: bool(),
  store: bool(),
  stream: bool(),
  service_tier: oneOf("ServiceTier", ["flex", "standard", "priority", "deferred"]),
  labels: map(str()),
  cached_content: str(),
  environment: either(
    "Environment",
    str(),
    obj("Environment", {
      type: str(),
      env: any(),
      environment_id: str(),
      network: any(),
      sources: list(any()),
    }),
  ),
  webhook_config: obj("WebhookConfig", { uris: list(str()), user_metadata: struct() }),
});
