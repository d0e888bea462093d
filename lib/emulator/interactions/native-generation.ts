/**
 * The native generation an interaction runs on: the body parsed into a GenerateContentRequest
 * (validateRequestBody), then native/answer-plans.ts, the planner generateContent and the
 * OpenAI-compatible door share (directives, output limit, thinking and per-model rules, `delay=`,
 * injected errors, media checks, the plan, its stream chunks), and the chunks' send times. Nothing
 * here writes a response: the interaction decides how the plan travels.
 *
 * Two things differ from the native door. A background interaction answers before it generates,
 * so its `delay=` is not slept here (the run waits instead) and an injected error becomes the
 * run's failure instead of the call's. And a thinking level the model does not take is refused in
 * this API's words: "Thinking level LOW is not supported for this model." (a live Interactions
 * 400), with no budget to suggest.
 */
import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue";
import type { RouteContext } from "@/lib/emulator/context";
import type { FileStore } from "@/lib/emulator/files/file-store";
import type { RequestLogHandle } from "@/lib/emulator/log";
import { pacedTimes, planAnswers } from "@/lib/emulator/native/answer-plans";
import {
  type DirectiveCaps,
  type Directives,
  parseDirectives,
} from "@/lib/emulator/native/directives";
import type { GenerationPlan } from "@/lib/emulator/native/plan";
import { unaryResponse } from "@/lib/emulator/native/response-shape";
import type { StreamChunk } from "@/lib/emulator/native/stream-chunks";
import { contentText, lastUserContent } from "@/lib/emulator/text";
import type { ApiVersion, JsonObject, WireContent } from "@/lib/emulator/types";
import { EmulatorApiError, injectedError } from "@/lib/emulator/validation/errors";
import { validateRequestBody } from "@/lib/emulator/validation/request-body";
import { badRequest, toInteractionsError } from "./interaction-errors";
import { isObject } from "./schema-walk";

export interface NativeContext {
  request: Request;
  url: URL;
  version: ApiVersion;
  files: FileStore;
  caps?: DirectiveCaps;
  log: RequestLogHandle;
  signal: AbortSignal;
  sleep(ms: number): Promise<void>;
}

export interface PlannedGeneration {
  modelId: string;
  contents: WireContent[];
  plan: GenerationPlan;
  chunks: StreamChunk[];
  /** When each chunk may leave, in ms after the answer starts (`rate=`, capped by `streamMs`). */
  times: number[];
  directives: Directives;
  /** The answer's `usageMetadata`, as a unary generateContent bills it. */
  usageMetadata: JsonObject;
  /** The last user turn's text, directives included (what the log shows). */
  userText: string;
}

export type Generation =
  | { kind: "planned"; generation: PlannedGeneration }
  /** A background run whose prompt injected an error: it fails once started. */
  | { kind: "failed"; directives: Directives; error: JsonObject };

function contentsOf(body: JsonObject): WireContent[] {
  return Array.isArray(body.contents) ? (body.contents as unknown as WireContent[]) : [];
}

/** A level refused by the native rules, in the Interactions API's words. */
function thinkingRefusal(error: unknown, body: JsonObject): unknown {
  const config = isObject(body.generationConfig) ? body.generationConfig : {};
  const thinking = isObject(config.thinkingConfig) ? config.thinkingConfig : {};
  const level = thinking.thinkingLevel;
  if (!(error instanceof EmulatorApiError) || typeof level !== "string") return error;
  const about = /thinking[ _]level/i.test(error.message);
  return about ? badRequest(`Thinking level ${level} is not supported for this model.`) : error;
}

export async function generateNative(
  listed: CatalogueModel,
  nativeBody: JsonObject,
  context: NativeContext,
  options: { background: boolean; stream: boolean },
): Promise<Generation> {
  const modelId = listed.name.slice("models/".length);
  const body = validateRequestBody("generateContent", nativeBody, context.version);
  const userText = contentText(lastUserContent(contentsOf(body)));
  const asked = parseDirectives(userText, context.caps, modelId);
  let injected = false;
  const route: RouteContext = {
    request: context.request,
    url: context.url,
    version: context.version,
    method: "CreateInteraction",
    modelId,
    body,
    files: context.files,
    signal: context.signal,
    log: context.log,
    ...(context.caps && { directiveCaps: context.caps }),
    // A background interaction has answered already: its run waits out `delay=` instead.
    sleep: options.background ? () => Promise.resolve() : context.sleep,
    target: () => {
      injected = true;
      return { model: modelId, method: "CreateInteraction", version: context.version };
    },
  };
  try {
    // Streams and background runs send events, so an error after N chunks can be one of them.
    const streaming = options.stream || options.background;
    const { plans, chunks, directives } = await planAnswers(route, listed, streaming);
    const [plan] = plans;
    if (!plan) throw new EmulatorApiError(500);
    const unary = unaryResponse(plan);
    return {
      kind: "planned",
      generation: {
        modelId,
        contents: contentsOf(body),
        plan,
        chunks,
        times: pacedTimes(chunks, directives, context.caps?.streamMs),
        directives,
        usageMetadata: isObject(unary.usageMetadata) ? unary.usageMetadata : {},
        userText,
      },
    };
  } catch (error) {
    const failure = injected ? toInteractionsError(error) : undefined;
    if (options.background && failure) {
      return {
        kind: "failed",
        directives: asked,
        error: { code: failure.code, message: failure.message },
      };
    }
    throw thinkingRefusal(error, body);
  }
}

/**
 * `error=` with `after=N` on a stream or a background run: the chunks go first, then this error
 * as an SSE `error` event (`{code, message}`), as generateContent streams it.
 */
export function errorAfterChunks(
  generation: PlannedGeneration,
  version: ApiVersion,
): JsonObject | undefined {
  const { directives } = generation;
  if (directives.error === undefined || directives.after === undefined) return undefined;
  const target = { model: generation.modelId, method: "CreateInteraction", version };
  const error = toInteractionsError(injectedError(directives.error, target, directives));
  return error ? { code: error.code, message: error.message } : undefined;
}
