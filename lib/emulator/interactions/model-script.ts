/**
 * A model's answer as interaction steps, read off the same plan and stream chunks generateContent
 * sends, at the same times (so `chunk=`, `rate=` and `thoughts=` shape an interaction stream as
 * they shape a native one):
 *
 *   thought              first, when the model thought or signed: `signature`, and with
 *                        `thinking_summaries: "auto"` a `summary` streamed as `thought_summary`
 *                        deltas, one per native thought chunk, then a `thought_signature` delta
 *   google_search_call / google_search_result   the queries, and the search suggestions widget
 *   url_context_call / url_context_result       the URLs in the prompt and how each fetch went
 *   google_maps_call / google_maps_result       the places found (and the widget token)
 *   code_execution_call / code_execution_result the program (a `code_execution_call` delta) and
 *                        its output (`is_error` when it raised)
 *   function_call        `{id, name, arguments: {}}` at start, the arguments as one
 *                        `arguments_delta` JSON string, as the live stream sends them
 *   model_output         the first text piece inside `step.start`, the rest as `text` deltas,
 *                        images and speech as `image` / `audio` deltas, citations as a
 *                        `text_annotation_delta` of `url_citation`s (`place_citation`s for
 *                        Maps), at UTF-8 byte offsets
 *
 * The status follows the finish: function calls `requires_action`, MAX_TOKENS `incomplete`, a
 * blocked prompt or any other stop `failed` with the reason in `errors`, else `completed`. Usage is
 * generateContent's, translated (interaction-usage.ts).
 */
import { fnv1a, hex8 } from "@/lib/emulator/hash";
import type { GenerationPlan } from "@/lib/emulator/native/plan";
import { signatureFor } from "@/lib/emulator/native/thought-signature";
import type { JsonObject, WirePart } from "@/lib/emulator/types";
import { newCallId } from "./interaction-ids";
import type { Script, ScriptEnd } from "./interaction-run";
import { countsOf, usageJson } from "./interaction-usage";
import type { PlannedGeneration } from "./native-generation";
import { isObject } from "./schema-walk";
import { StepScript } from "./step-script";
import { citations, toolSteps } from "./tool-steps";

export interface ModelScriptOptions {
  /** Added to every planned time (a background run's `delay=`). */
  offsetMs?: number;
  /** The first chunk to send (a continuation hop resumes mid-answer). */
  fromChunk?: number;
  /** `after=N` with `error=`: the chunks sent before the error event. */
  chunkLimit?: number;
  /** An injected error ends the run instead of completing it. */
  error?: JsonObject;
  /** Output tokens one request may decode before it stops with `requires_continuation`. */
  hopTokens?: number;
  /** Output tokens decoded by earlier hops (billed again as input by each later hop). */
  decodedBefore?: number;
}

export interface ModelScript {
  script: Script;
  /** Set when the decode stopped at the per-request limit: where the next hop resumes. */
  resumeAt?: number;
  /** Output tokens this script decodes. */
  outputTokens: number;
}

function partsOf(body: JsonObject): WirePart[] {
  const candidates = body.candidates;
  const first = Array.isArray(candidates) ? candidates[0] : undefined;
  if (!isObject(first) || !isObject(first.content)) return [];
  const parts = first.content.parts;
  return Array.isArray(parts) ? (parts.filter(isObject) as WirePart[]) : [];
}

function isThoughtChunk(body: JsonObject): boolean {
  const parts = partsOf(body);
  return parts.length > 0 && parts.every((part) => part.thought === true);
}

/** The signature a thought step carries: the plan's, or the first one its parts carry. */
function thoughtSignature(generation: PlannedGeneration): string | undefined {
  const { plan } = generation;
  if (plan.thoughts?.signature) return plan.thoughts.signature;
  const signed = plan.calls?.find((part) => part.thoughtSignature)?.thoughtSignature;
  if (signed) return signed;
  if (plan.textSignature) return plan.textSignature;
  if (!plan.thoughts) return undefined;
  // The Interactions API signs every thought step; generateContent leaves 2.5's unsigned when
  // thoughts are not returned. The signature is one the emulator can verify again.
  const seed = hex8(fnv1a(JSON.stringify([generation.modelId, generation.contents])));
  return signatureFor(seed, "interaction");
}

function mediaContent(part: WirePart): JsonObject | undefined {
  const inline = part.inlineData;
  if (!inline?.data) return undefined;
  const mime = inline.mimeType ?? "";
  if (mime.startsWith("image/")) return { type: "image", data: inline.data, mime_type: mime };
  if (mime.toLowerCase().startsWith("audio/l16")) {
    const rate = /rate=(\d+)/.exec(mime)?.[1];
    return {
      type: "audio",
      data: inline.data,
      mime_type: "audio/l16",
      sample_rate: rate ? Number(rate) : 24000,
      channels: 1,
    };
  }
  return { type: "audio", data: inline.data, mime_type: mime };
}

/** Opens model_output with `first` as its first content, or adds `first` to the open one. */
function output(out: StepScript, at: number, first: JsonObject, tokens: number): void {
  if (out.open === "model_output") {
    out.delta(at, first, tokens);
    return;
  }
  out.start(at, { type: "model_output", content: [first] }, tokens);
}

/** Writes answer parts as steps; Gemini 2.5's code parts have no id, so a result answers the last call. */
class AnswerWriter {
  private lastCodeId: string | undefined;
  /** Whether the chunks carried media (streamed speech, images) that the plan also lists. */
  sentMedia = false;

  constructor(private readonly out: StepScript) {}

  part(at: number, part: WirePart, tokens: number): void {
    const out = this.out;
    if (part.thought) return;
    if (part.functionCall) {
      const { name, args } = part.functionCall;
      out.start(at, { type: "function_call", id: newCallId(), name: name ?? "", arguments: {} });
      out.delta(at, { type: "arguments_delta", arguments: JSON.stringify(args ?? {}) }, tokens);
      out.stop(at);
      return;
    }
    if (part.executableCode) {
      const code = part.executableCode;
      const id = code.id ?? newCallId();
      this.lastCodeId = id;
      out.start(at, { type: "code_execution_call", id });
      const delta: JsonObject = {
        type: "code_execution_call",
        arguments: { code: code.code ?? "", language: (code.language ?? "python").toLowerCase() },
      };
      if (part.thoughtSignature) delta.signature = part.thoughtSignature;
      out.delta(at, delta, tokens);
      out.stop(at);
      return;
    }
    if (part.codeExecutionResult) {
      const result = part.codeExecutionResult;
      out.start(at, { type: "code_execution_result", call_id: result.id ?? this.lastCodeId ?? "" });
      const delta: JsonObject = { type: "code_execution_result", result: result.output ?? "" };
      if (result.outcome && result.outcome !== "OUTCOME_OK") delta.is_error = true;
      out.delta(at, delta, tokens);
      out.stop(at);
      return;
    }
    if (part.inlineData) {
      const content = mediaContent(part);
      if (content) output(out, at, content, tokens);
      this.sentMedia = true;
      return;
    }
    if (typeof part.text === "string" && part.text !== "") {
      output(out, at, { type: "text", text: part.text }, tokens);
    }
  }
}

function endOf(plan: GenerationPlan, at: number, usage: JsonObject): ScriptEnd {
  const failed = (code: string, message: string): ScriptEnd => ({
    atMs: at,
    status: "failed",
    usage,
    errors: [{ code, message }],
  });
  if (plan.blockReason) {
    return failed("blocked", `The prompt was blocked (block reason ${plan.blockReason}).`);
  }
  if (plan.safetyBlocked || plan.safetyStop) {
    return failed("safety", "The response was blocked for safety (finish reason SAFETY).");
  }
  const finish = plan.finishReason;
  if (finish === "MAX_TOKENS") return { atMs: at, status: "incomplete", usage };
  if (finish !== "STOP") {
    return failed(finish.toLowerCase(), `Generation stopped with finish reason ${finish}.`);
  }
  return { atMs: at, status: plan.calls ? "requires_action" : "completed", usage };
}

export function modelScript(
  generation: PlannedGeneration,
  options: ModelScriptOptions = {},
): ModelScript {
  const { plan, chunks, times } = generation;
  const offset = options.offsetMs ?? 0;
  const from = options.fromChunk ?? 0;
  const base = from > 0 ? (times[from - 1] ?? 0) : 0;
  const at = (index: number) => offset + (times[index] ?? times.at(-1) ?? 0) - base;
  const out = new StepScript();
  const writer = new AnswerWriter(out);
  const limit = Math.min(chunks.length, options.chunkLimit ?? chunks.length);

  if (from === 0 && limit > 0) {
    const signature = thoughtSignature(generation);
    const thoughtChunks = chunks.slice(0, limit).filter((chunk) => isThoughtChunk(chunk.body));
    if (thoughtChunks.length > 0) {
      out.start(at(0), { type: "thought" });
      chunks.slice(0, limit).forEach((chunk, index) => {
        if (!isThoughtChunk(chunk.body)) return;
        for (const part of partsOf(chunk.body)) {
          const content = { type: "text", text: part.text ?? "" };
          out.delta(at(index), { type: "thought_summary", content });
        }
      });
      if (signature) out.delta(out.lastAtMs, { type: "thought_signature", signature });
    } else if (signature) {
      out.start(at(0), { type: "thought", signature });
    }
    const firstAnswer = chunks.findIndex((chunk) => !isThoughtChunk(chunk.body));
    toolSteps(plan, out, at(Math.max(0, firstAnswer)));
  }

  let decoded = 0;
  let resumeAt: number | undefined;
  for (let index = from; index < limit; index++) {
    const chunk = chunks[index];
    if (!chunk || isThoughtChunk(chunk.body)) continue;
    if (
      options.hopTokens !== undefined &&
      decoded >= options.hopTokens &&
      chunks.slice(index, limit).some((rest) => rest.tokens > 0 && !isThoughtChunk(rest.body))
    ) {
      resumeAt = index;
      break;
    }
    const parts = partsOf(chunk.body);
    const share = parts.length > 0 ? chunk.tokens / parts.length : 0;
    for (const part of parts) writer.part(at(index), part, share);
    decoded += chunk.tokens;
  }

  // A hop cut at the decode limit ends with its last chunk, not with the whole answer.
  const lastChunk = (resumeAt ?? limit) - 1;
  const finalAt = Math.max(out.lastAtMs, offset + (times[lastChunk] ?? 0) - base);
  if (resumeAt === undefined && options.chunkLimit === undefined) {
    // A unary plan's speech is one whole part, not a chunk: it travels at the end.
    for (const part of writer.sentMedia ? [] : (plan.output?.parts ?? [])) {
      const content = mediaContent(part);
      if (content) output(out, finalAt, content, 0);
    }
    const annotations = citations(plan);
    if (annotations.length > 0 && out.open === "model_output") {
      out.delta(finalAt, { type: "text_annotation_delta", annotations });
    }
  }
  out.stop(finalAt);

  const script: Script = { events: out.events, end: { atMs: finalAt, status: "completed" } };
  const counts = countsOf(generation.usageMetadata);
  const single = from === 0 && resumeAt === undefined;
  const hopUsage = (tokens: number): JsonObject =>
    usageJson({
      ...counts,
      input: counts.input + (options.decodedBefore ?? 0),
      output: Math.round(tokens),
      ...(from > 0 && { thought: 0, toolUse: 0 }),
    });
  script.usageAt = hopUsage;
  if (options.error) {
    script.end = { atMs: finalAt, status: "failed", error: options.error };
  } else if (resumeAt !== undefined) {
    script.end = { atMs: finalAt, status: "requires_continuation", usage: hopUsage(decoded) };
  } else {
    script.end = endOf(plan, finalAt, single ? usageJson(counts) : hopUsage(decoded));
  }
  return { script, outputTokens: decoded, ...(resumeAt !== undefined && { resumeAt }) };
}
