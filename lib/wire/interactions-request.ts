import type { Content, GenerateContentParameters, Part } from "@google/genai";
import { isResearchAgent } from "./model-kind";

/**
 * The Gemini API's request as an Interactions API `create` body
 * (`POST /v1beta/interactions`). Pure and isomorphic: the run sends it, and code export prints
 * it. The conversation travels whole as typed steps (the run keeps no history on Google's side:
 * `store: false`), so the interaction answers exactly the document on screen; what the API has
 * no field for was refused before (`apiGaps`).
 *
 * A thought signature is a step of its own here: the model's thought step carries it. Read back
 * (lib/gemini/interactions-chunks.ts) it becomes a thought part with the signature, which this
 * mapping sends again as that step, so a Gemini 3 call keeps the signature it was made with.
 */
export interface InteractionCreateBody {
  model: string;
  input: InteractionStep[];
  system_instruction?: string;
  generation_config?: {
    temperature?: number;
    top_p?: number;
    max_output_tokens?: number;
    stop_sequences?: string[];
    seed?: number;
    thinking_level?: string;
    thinking_summaries?: "auto" | "none";
    tool_choice?: "auto" | "any" | "none" | "validated";
  };
  tools?: InteractionTool[];
  response_mime_type?: string;
  response_format?: { type: "text"; mime_type: string; schema?: unknown };
  safety_settings?: { type: string; threshold: string }[];
  stream: true;
  store: boolean;
  /** The stored interaction this one follows: `input` then holds only what came after it. */
  previous_interaction_id?: string;
}

/** Where a conversation Google keeps (`store`) was left: the interaction and the turns it holds. */
export interface PreviousInteraction {
  id: string;
  /** How many of the request's contents that interaction already holds. */
  turns: number;
}

export interface InteractionBodyOptions {
  /** Google keeps the conversation ("Keep history at Google"). */
  store?: boolean;
  previous?: PreviousInteraction;
}

export type InteractionTool =
  | { type: "function"; name: string; description?: string; parameters?: unknown }
  | { type: "google_search" }
  | { type: "code_execution" }
  | { type: "url_context" };

export type InteractionContent =
  | { type: "text"; text: string }
  | {
      type: "image" | "audio" | "document" | "video";
      data?: string;
      uri?: string;
      mime_type: string;
    };

export type InteractionStep =
  | { type: "user_input"; content: InteractionContent[] }
  | { type: "model_output"; content: InteractionContent[] }
  | { type: "thought"; signature?: string; summary?: { type: "text"; text: string }[] }
  | { type: "function_call"; id: string; name: string; arguments: Record<string, unknown> }
  | { type: "function_result"; call_id: string; name?: string; result: unknown };

export function toInteractionBody(
  params: GenerateContentParameters,
  options: InteractionBodyOptions = {},
): InteractionCreateBody {
  const config = params.config ?? {};
  const { previous } = options;
  const body: InteractionCreateBody = {
    model: params.model,
    input: toSteps(params.contents as Content[], previous?.turns),
    stream: true,
    store: options.store === true,
    ...(previous && { previous_interaction_id: previous.id }),
  };
  const system = ((config.systemInstruction as Content | undefined)?.parts ?? [])
    .map((p) => p.text ?? "")
    .join("");
  if (system) body.system_instruction = system;

  const generation: NonNullable<InteractionCreateBody["generation_config"]> = {};
  if (config.temperature !== undefined) generation.temperature = config.temperature;
  if (config.topP !== undefined) generation.top_p = config.topP;
  if (config.maxOutputTokens !== undefined) generation.max_output_tokens = config.maxOutputTokens;
  if (config.stopSequences?.length) generation.stop_sequences = config.stopSequences;
  if (config.seed !== undefined) generation.seed = config.seed;
  const thinking = config.thinkingConfig;
  if (thinking?.thinkingLevel) generation.thinking_level = thinking.thinkingLevel.toLowerCase();
  if (thinking?.includeThoughts !== undefined) {
    generation.thinking_summaries = thinking.includeThoughts ? "auto" : "none";
  }
  const mode = config.toolConfig?.functionCallingConfig?.mode;
  if (mode) generation.tool_choice = mode.toLowerCase() as "auto" | "any" | "none" | "validated";
  if (Object.keys(generation).length) body.generation_config = generation;

  const tools: InteractionTool[] = [];
  for (const tool of config.tools ?? []) {
    if ("functionDeclarations" in tool) {
      for (const f of tool.functionDeclarations ?? []) {
        tools.push({
          type: "function",
          name: f.name ?? "",
          ...(f.description && { description: f.description }),
          ...(f.parametersJsonSchema !== undefined && { parameters: f.parametersJsonSchema }),
        });
      }
    }
    if ("googleSearch" in tool && tool.googleSearch) tools.push({ type: "google_search" });
    if ("codeExecution" in tool && tool.codeExecution) tools.push({ type: "code_execution" });
    if ("urlContext" in tool && tool.urlContext) tools.push({ type: "url_context" });
  }
  if (tools.length) body.tools = tools;

  if (config.responseJsonSchema) {
    body.response_format = {
      type: "text",
      mime_type: "application/json",
      schema: config.responseJsonSchema,
    };
  } else if (config.responseMimeType) {
    body.response_mime_type = config.responseMimeType;
  }
  if (config.safetySettings?.length) {
    // The Interactions API names them in lower case, without the prefix:
    // HARM_CATEGORY_HARASSMENT is "harassment", BLOCK_ONLY_HIGH "block_only_high".
    body.safety_settings = config.safetySettings.map((s) => ({
      type: String(s.category)
        .replace(/^HARM_CATEGORY_/, "")
        .toLowerCase(),
      threshold: String(s.threshold).toLowerCase(),
    }));
  }
  return body;
}

export type BackgroundInteractionBody =
  | (Omit<InteractionCreateBody, "stream" | "store"> & { background: true; store: true })
  | AgentInteractionBody;

/** An agent's run: the conversation and the tools it may use, nothing a model is tuned by. */
export interface AgentInteractionBody {
  agent: string;
  input: InteractionStep[];
  tools?: InteractionTool[];
  background: true;
  store: true;
}

/**
 * The same request for a run that goes on without the page ("Run in background"): Google keeps
 * it (a background interaction must be stored), answers at once with its id, and its events are
 * read from `GET /interactions/{id}?stream=true`, resumed from the last event id read.
 */
export function toBackgroundInteractionBody(
  params: GenerateContentParameters,
): BackgroundInteractionBody {
  const { stream: _, store: __, previous_interaction_id: ___, ...body } = toInteractionBody(params);
  if (isResearchAgent(params.model)) {
    // Whatever else the prompt set was refused before (`apiGaps`): an agent takes none of it.
    const { input, tools } = body;
    return { agent: params.model, input, ...(tools && { tools }), background: true, store: true };
  }
  return { ...body, background: true, store: true };
}

/** Gemini's turns as the steps of one interaction, in order, from turn `from` on. */
function toSteps(contents: Content[], from = 0): InteractionStep[] {
  const steps: InteractionStep[] = [];
  contents.forEach((content, turn) => {
    if (turn < from) return;
    const parts = content.parts ?? [];
    if (content.role === "user") {
      const said = parts.flatMap((part) => {
        const piece = toContent(part);
        return piece ? [piece] : [];
      });
      if (said.length) steps.push({ type: "user_input", content: said });
      for (const part of parts) {
        const result = part.functionResponse;
        if (!result) continue;
        steps.push({
          type: "function_result",
          call_id: result.id ?? callId(contents, turn - 1, result.name),
          ...(result.name && { name: result.name }),
          result: result.response ?? {},
        });
      }
      return;
    }
    let output: InteractionContent[] = [];
    const flush = () => {
      if (output.length) steps.push({ type: "model_output", content: output });
      output = [];
    };
    parts.forEach((part, index) => {
      if (part.thought) {
        flush();
        steps.push({
          type: "thought",
          ...(part.thoughtSignature && { signature: part.thoughtSignature }),
          ...(part.text && { summary: [{ type: "text", text: part.text }] }),
        });
      } else if (part.functionCall) {
        flush();
        if (part.thoughtSignature)
          steps.push({ type: "thought", signature: part.thoughtSignature });
        steps.push({
          type: "function_call",
          id: part.functionCall.id || `call_${turn}_${index}`,
          name: part.functionCall.name ?? "",
          arguments: part.functionCall.args ?? {},
        });
      } else {
        const piece = toContent(part);
        if (piece) output.push(piece);
      }
    });
    flush();
  });
  return steps;
}

/** The id a call in the model turn `turn` was sent with, found by its name. */
function callId(contents: Content[], turn: number, name: string | undefined): string {
  const parts = contents[turn]?.parts ?? [];
  const index = parts.findIndex((p) => p.functionCall && p.functionCall.name === name);
  const call = parts[index]?.functionCall;
  return call?.id || `call_${turn}_${Math.max(index, 0)}`;
}

const MEDIA_TYPES = ["image", "audio", "video"] as const;

function toContent(part: Part): InteractionContent | null {
  if (part.text !== undefined && !part.thought)
    return part.text ? { type: "text", text: part.text } : null;
  const media = part.inlineData ?? part.fileData;
  const mimeType = media?.mimeType;
  if (!media || !mimeType) return null;
  const type = MEDIA_TYPES.find((t) => mimeType.startsWith(`${t}/`)) ?? "document";
  return part.inlineData
    ? { type, data: part.inlineData.data, mime_type: mimeType }
    : { type, uri: part.fileData?.fileUri, mime_type: mimeType };
}
