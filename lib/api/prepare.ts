import "server-only";
import { readJsonRequest } from "@/lib/api/read-json-request";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { resolveMedia } from "@/lib/gemini/media";
import { listModels } from "@/lib/gemini/models";
import { refuseDeepJson } from "@/lib/http/read-json";
import { log } from "@/lib/log";
import { isAgent, isRunnable, type ModelInfo } from "@/lib/models/types";
import { describeIssues, PROMPT_LIMITS, type PromptDoc, parsePromptDoc } from "@/lib/prompt";
import { API_LABELS, apiGaps, runApi } from "@/lib/wire/api";
import { isResearchAgent } from "@/lib/wire/model-kind";
import { toUpstreamRequest, type UpstreamRequest } from "@/lib/wire/request";

/** A prompt document that may be sent: valid, its model vetted, its media resolved. */
export interface PreparedPrompt {
  doc: PromptDoc;
  /** The catalogue entry; absent when the catalogue could not be loaded. */
  model?: ModelInfo;
  upstream: UpstreamRequest;
}

export interface PrepareOptions {
  /** A token count may have no turns (a system instruction alone); a run may not. */
  allowNoContents?: boolean;
}

/**
 * The one step every route taking a prompt document goes through. Bad input stops here, before
 * it can reach (or spend quota at) Gemini, and media is always resolved, so no route can send a
 * document whose files were never looked up.
 */
export async function preparePrompt(
  json: unknown,
  signal?: AbortSignal,
  options: PrepareOptions = {},
): Promise<PreparedPrompt> {
  const env = serverEnv();
  // Cheapest first: counting turns and parts, then one walk for the depth, then the schema.
  refuseOversized(json, env.maxParts);
  refuseDeepJson(json, env.maxJsonDepth);
  const parsed = parsePromptDoc(json);
  if (!parsed.ok) {
    throw new AppError({
      code: "bad_request:prompt",
      field: parsed.issues[0]?.field,
      message: `The prompt is invalid: ${describeIssues(parsed.issues)}.`,
    });
  }
  const doc = parsed.value;
  if (!options.allowNoContents) refuseEmpty(doc);
  const model = await vetModel(doc.model);
  if (model?.kind === "imagen") refuseImagenFiles(doc);
  // A token count is Gemini's own, whichever door the run will take.
  if (!options.allowNoContents) refuseApiGaps(doc, model);
  const media = await resolveMedia(doc, signal);
  const upstream = toUpstreamRequest(doc, { media, kind: model?.kind });
  if (!options.allowNoContents) refuseEmptyUpstream(upstream);
  return { doc, model, upstream };
}

/**
 * `preparePrompt` of a request's JSON body, read within the server's body limit and the
 * client's share of the bytes the server reads at once.
 */
export async function preparePromptRequest(
  request: Request,
  options: PrepareOptions = {},
): Promise<PreparedPrompt> {
  const json = await readJsonRequest(request);
  return preparePrompt(json, request.signal, options);
}

/**
 * Counts checked on the raw JSON, before the schema walks it: a document of 300,000 parts must
 * be refused in microseconds, not after seconds of validation that hold up every other request.
 */
function refuseOversized(json: unknown, maxParts: number): void {
  const contents = (json as { contents?: unknown } | null)?.contents;
  if (!Array.isArray(contents)) return;
  if (contents.length > PROMPT_LIMITS.turns) {
    throw new AppError({
      code: "bad_request:prompt",
      field: "contents",
      message: `The prompt has ${contents.length.toLocaleString("en")} turns; the most a prompt may have is ${PROMPT_LIMITS.turns.toLocaleString("en")}. Start a new conversation or remove old turns.`,
    });
  }
  let parts = 0;
  for (const turn of contents) {
    const list = (turn as { parts?: unknown } | null)?.parts;
    if (Array.isArray(list)) parts += list.length;
  }
  if (parts > maxParts) {
    throw new AppError({
      code: "bad_request:prompt",
      field: "contents",
      message: `The prompt has ${parts.toLocaleString("en")} parts across its turns; this server takes at most ${maxParts.toLocaleString("en")} (PLAYGROUND_MAX_PARTS). Remove old turns or attachments, or start a new conversation.`,
    });
  }
}

/**
 * Gemini (and the SDK before it: "contents are required") refuses a request with nothing in it;
 * said here, before any upload or call, in words a person can act on.
 */
function refuseEmpty(doc: PromptDoc): void {
  if (doc.contents.some((turn) => turn.parts.length > 0)) return;
  throw emptyPrompt(
    doc.contents.length === 0 ? "The prompt has no messages." : "The prompt's turns are all empty.",
  );
}

/** Parts that map to nothing on the wire leave nothing to send, too. */
function refuseEmptyUpstream(upstream: UpstreamRequest): void {
  if (upstream.method === "generateContent") {
    const { contents } = upstream.params;
    if (Array.isArray(contents) && contents.length === 0) {
      throw emptyPrompt("Nothing in the prompt's turns can be sent to Gemini.");
    }
  }
  if (upstream.method === "generateImages" && upstream.params.prompt === "") {
    throw emptyPrompt(
      "Imagen makes pictures from the text of the last user turn, and it has none.",
    );
  }
}

/**
 * Imagen makes pictures from text alone: files in the turn it reads would be dropped without a
 * word, and the person would think the picture was made from them. Said before any upload.
 */
function refuseImagenFiles(doc: PromptDoc): void {
  const turn = doc.contents.findLast((t) => t.role === "user");
  const files = turn?.parts.filter((p) => p.kind === "media").length ?? 0;
  if (files === 0) return;
  throw new AppError({
    code: "bad_request:prompt",
    field: "contents",
    message: `Imagen makes pictures from a text prompt only, so it can't use the ${files === 1 ? "attached file" : `${files} attached files`}. Remove ${files === 1 ? "it" : "them"}, or choose a Gemini image model to edit or combine pictures.`,
  });
}

/** A door that cannot carry part of the prompt is not used: nothing is dropped without a word. */
function refuseApiGaps(doc: PromptDoc, model: ModelInfo | undefined): void {
  const gaps = apiGaps(doc, model?.kind);
  if (gaps.length === 0) return;
  if (isResearchAgent(doc.model)) {
    throw new AppError({
      code: "bad_request:prompt",
      field: "config.api",
      message: `Deep Research cannot run this prompt as it is: ${gaps.join(", ")}. It is an agent: it runs only in the background through the Interactions API (choosing it in the model list sets both) and takes the conversation and its research tools alone.`,
    });
  }
  const api = API_LABELS[runApi(doc.config)];
  throw new AppError({
    code: "bad_request:prompt",
    field: "config.api",
    message: `${api} cannot carry ${gaps.length === 1 ? "this part" : "these parts"} of the prompt: ${gaps.join(", ")}. Remove ${gaps.length === 1 ? "it" : "them"}, or run through the Gemini API.`,
  });
}

function emptyPrompt(cause: string): AppError {
  return new AppError({
    code: "bad_request:prompt",
    field: "contents",
    message: `${cause} Write a message (or attach a file) before running.`,
  });
}

async function vetModel(id: string): Promise<ModelInfo | undefined> {
  let models: ModelInfo[];
  try {
    models = await listModels();
  } catch (error) {
    // A gateway without a model list must not block runs: Gemini will judge the model itself.
    log("warn", "model list unavailable; not checking the model", {
      model: id,
      error: String(error),
    });
    return undefined;
  }
  const model = models.find((m) => m.id === id);
  if (!model) {
    throw new AppError({
      code: "bad_request:model",
      field: "model",
      message: `Unknown model "${id}". Choose one from the model list.`,
    });
  }
  if (isAgent(model) && !isRunnable(model)) {
    throw new AppError({
      code: "bad_request:model",
      field: "model",
      message: `${model.displayName} (${id}) is an agent this playground does not run. Choose a model, or Deep Research.`,
    });
  }
  if (!isRunnable(model)) {
    throw new AppError({
      code: "bad_request:model",
      field: "model",
      message: `${model.displayName} (${id}) cannot be run here: it answers neither generateContent nor generateImages.`,
    });
  }
  return model;
}
