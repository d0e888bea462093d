/**
 * The generateContent body an interaction amounts to, built in the shape and key order the SDK's
 * own generateContent sends (contents, systemInstruction with role "user", safetySettings, tools,
 * toolConfig, generationConfig in the SDK's field order), so the same prompt and settings reach the
 * shared planning code identically through both doors and get the same answer, word for word.
 *
 *   system_instruction "…"            → systemInstruction {parts: [{text}], role: "user"}
 *   generation_config.temperature, top_p, max_output_tokens, seed, stop_sequences → the same
 *   generation_config.thinking_level  → thinkingConfig.thinkingLevel (upper case)
 *   generation_config.thinking_summaries "auto" → thinkingConfig.includeThoughts
 *   generation_config.tool_choice     → toolConfig.functionCallingConfig {mode, allowedFunctionNames}
 *   generation_config.speech_config   → speechConfig (one voice, or two speakers)
 *   generation_config.image_config, response_format {type: image} → imageConfig, IMAGE modality
 *   response_format {type: text, mime_type, schema} → responseMimeType, responseJsonSchema
 *   response_format {type: audio}     → responseModalities ["AUDIO"]
 *   response_modalities ["text", …]   → responseModalities upper case
 *   tools: function → functionDeclarations (parameters as parametersJsonSchema), google_search,
 *     code_execution, url_context, google_maps (+ retrievalConfig.latLng), file_search,
 *     computer_use → their native tools
 *   safety_settings {type, threshold} → {category: HARM_CATEGORY_…, threshold: BLOCK_…}
 *   cached_content                    → cachedContent (none exist: 403, as generateContent says)
 */
import type { JsonObject, JsonValue, WireContent } from "@/lib/emulator/types";
import { InteractionsError } from "./interaction-errors";
import type { CreateRequest } from "./interaction-request";

const upper = (value: JsonValue | undefined) => String(value).toUpperCase();

function toolChoice(choice: JsonValue | undefined): JsonObject | undefined {
  if (typeof choice === "string") return { mode: upper(choice) };
  if (choice && typeof choice === "object" && !Array.isArray(choice)) {
    const allowed = choice.allowed_tools;
    if (allowed && typeof allowed === "object" && !Array.isArray(allowed)) {
      const config: JsonObject = { mode: upper(allowed.mode ?? "auto") };
      if (Array.isArray(allowed.tools)) config.allowedFunctionNames = allowed.tools;
      return config;
    }
  }
  return undefined;
}

function speechConfig(value: JsonValue | undefined): JsonObject | undefined {
  const list = Array.isArray(value)
    ? value
    : value && typeof value === "object" && Array.isArray(value.speakers)
      ? value.speakers
      : [];
  const speakers = list.filter(
    (item): item is JsonObject => !!item && typeof item === "object" && !Array.isArray(item),
  );
  const voice = (item: JsonObject): JsonObject => ({
    prebuiltVoiceConfig: { voiceName: String(item.voice ?? "Kore") },
  });
  const [first] = speakers;
  if (!first) return undefined;
  const language: JsonObject =
    typeof first.language === "string" ? { languageCode: first.language } : {};
  if (speakers.length === 1) return { voiceConfig: voice(first), ...language };
  return {
    multiSpeakerVoiceConfig: {
      speakerVoiceConfigs: speakers.map((item) => ({
        speaker: String(item.speaker ?? ""),
        voiceConfig: voice(item),
      })),
    },
    ...language,
  };
}

function nativeTools(tools: JsonObject[]): { tools: JsonObject[]; latLng?: JsonObject } {
  const out: JsonObject[] = [];
  const functions: JsonObject[] = [];
  let latLng: JsonObject | undefined;
  for (const tool of tools) {
    switch (tool.type) {
      case "function": {
        const decl: JsonObject = { name: String(tool.name) };
        if (typeof tool.description === "string") decl.description = tool.description;
        if (tool.parameters !== undefined) decl.parametersJsonSchema = tool.parameters;
        if (functions.length === 0) out.push({ functionDeclarations: functions });
        functions.push(decl);
        break;
      }
      case "google_search":
        out.push({ googleSearch: {} });
        break;
      case "code_execution":
        out.push({ codeExecution: {} });
        break;
      case "url_context":
        out.push({ urlContext: {} });
        break;
      case "google_maps":
        out.push({ googleMaps: tool.enable_widget === true ? { enableWidget: true } : {} });
        if (typeof tool.latitude === "number" && typeof tool.longitude === "number") {
          latLng = { latitude: tool.latitude, longitude: tool.longitude };
        }
        break;
      case "file_search": {
        const search: JsonObject = {};
        if (Array.isArray(tool.file_search_store_names)) {
          search.fileSearchStoreNames = tool.file_search_store_names;
        }
        if (typeof tool.metadata_filter === "string") search.metadataFilter = tool.metadata_filter;
        if (typeof tool.top_k === "number") search.topK = tool.top_k;
        out.push({ fileSearch: search });
        break;
      }
      case "computer_use": {
        const use: JsonObject = { environment: "ENVIRONMENT_BROWSER" };
        if (Array.isArray(tool.excluded_predefined_functions)) {
          use.excludedPredefinedFunctions = tool.excluded_predefined_functions;
        }
        out.push({ computerUse: use });
        break;
      }
      default:
        throw new InteractionsError(
          501,
          `The Gemini emulator does not emulate the ${String(tool.type)} tool yet.`,
        );
    }
  }
  return latLng ? { tools: out, latLng } : { tools: out };
}

function formatsConfig(request: CreateRequest, config: JsonObject): void {
  const modalities: string[] = [];
  for (const format of request.responseFormats) {
    if (format.type === "text") {
      if (typeof format.mime_type === "string") config.responseMimeType = format.mime_type;
      if (format.schema !== undefined) config.responseJsonSchema = format.schema;
      if (request.responseFormats.length > 1) modalities.push("TEXT");
    } else {
      modalities.push(upper(format.type));
    }
  }
  for (const modality of request.responseModalities ?? []) {
    if (!modalities.includes(upper(modality))) modalities.push(upper(modality));
  }
  if (modalities.length > 0) config.responseModalities = modalities;
}

function imageConfig(request: CreateRequest): JsonObject | undefined {
  const image = request.responseFormats.find((format) => format.type === "image");
  const legacy = request.generationConfig.image_config;
  const source = image ?? (legacy && typeof legacy === "object" ? legacy : undefined);
  if (!source || Array.isArray(source)) return undefined;
  const config: JsonObject = {};
  if (typeof source.aspect_ratio === "string") config.aspectRatio = source.aspect_ratio;
  if (typeof source.image_size === "string") config.imageSize = source.image_size;
  return Object.keys(config).length > 0 ? config : undefined;
}

function generationConfig(request: CreateRequest): JsonObject {
  const g = request.generationConfig;
  const config: JsonObject = {};
  if (g.temperature !== undefined) config.temperature = g.temperature;
  if (g.top_p !== undefined) config.topP = g.top_p;
  if (g.max_output_tokens !== undefined) config.maxOutputTokens = g.max_output_tokens;
  if (g.stop_sequences !== undefined) config.stopSequences = g.stop_sequences;
  if (g.seed !== undefined) config.seed = g.seed;
  formatsConfig(request, config);
  const speech = speechConfig(g.speech_config);
  if (speech) config.speechConfig = speech;
  const thinking: JsonObject = {};
  if (g.thinking_summaries === "auto") thinking.includeThoughts = true;
  if (g.thinking_level !== undefined) thinking.thinkingLevel = upper(g.thinking_level);
  if (Object.keys(thinking).length > 0) config.thinkingConfig = thinking;
  const image = imageConfig(request);
  if (image) config.imageConfig = image;
  // responseModalities sits between the schema fields and speechConfig in the SDK's order.
  const ordered: JsonObject = {};
  const order = [
    "temperature",
    "topP",
    "maxOutputTokens",
    "stopSequences",
    "seed",
    "responseMimeType",
    "responseJsonSchema",
    "responseModalities",
    "speechConfig",
    "thinkingConfig",
    "imageConfig",
  ];
  for (const key of order) {
    const value = config[key];
    if (value !== undefined) ordered[key] = value;
  }
  return ordered;
}

function safetySettings(settings: JsonObject[]): JsonObject[] {
  return settings.map((setting) => ({
    category: `HARM_CATEGORY_${upper(setting.type)}`,
    threshold: upper(setting.threshold),
  }));
}

export function nativeBody(request: CreateRequest, contents: WireContent[]): JsonObject {
  const body: JsonObject = { contents: contents as unknown as JsonValue };
  if (request.systemInstruction !== undefined) {
    body.systemInstruction = { parts: [{ text: request.systemInstruction }], role: "user" };
  }
  if (request.safetySettings.length > 0) {
    body.safetySettings = safetySettings(request.safetySettings);
  }
  const { tools, latLng } = nativeTools(request.tools);
  if (tools.length > 0) body.tools = tools;
  const calling = toolChoice(request.generationConfig.tool_choice);
  if (calling || latLng) {
    body.toolConfig = {
      ...(calling && { functionCallingConfig: calling }),
      ...(latLng && { retrievalConfig: { latLng } }),
    };
  }
  const config = generationConfig(request);
  if (Object.keys(config).length > 0) body.generationConfig = config;
  // No caches exist here; the native rules answer a named one as Google does (403).
  const cached = request.body.cached_content;
  if (typeof cached === "string" && cached !== "") body.cachedContent = cached;
  return body;
}
