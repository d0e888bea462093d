import "server-only";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { resolveMedia } from "@/lib/gemini/media";
import { listModels } from "@/lib/gemini/models";
import { readJsonBody } from "@/lib/http/read-json";
import { log } from "@/lib/log";
import { isRunnable, type ModelInfo } from "@/lib/models/types";
import { describeIssues, type PromptDoc, parsePromptDoc } from "@/lib/prompt";
import { toUpstreamRequest, type UpstreamRequest } from "@/lib/wire/request";

/** A prompt document that may be sent: valid, its model vetted, its media resolved. */
export interface PreparedPrompt {
  doc: PromptDoc;
  /** The catalogue entry; absent when the catalogue could not be loaded. */
  model?: ModelInfo;
  upstream: UpstreamRequest;
}

/**
 * The one step every route taking a prompt document goes through. Bad input stops here, before
 * it can reach (or spend quota at) Gemini, and media is always resolved, so no route can send a
 * document whose files were never looked up.
 */
export async function preparePrompt(json: unknown, signal?: AbortSignal): Promise<PreparedPrompt> {
  const parsed = parsePromptDoc(json);
  if (!parsed.ok) {
    throw new AppError({
      code: "bad_request:prompt",
      field: parsed.issues[0]?.field,
      message: `The prompt is invalid: ${describeIssues(parsed.issues)}.`,
    });
  }
  const doc = parsed.value;
  const model = await vetModel(doc.model);
  const media = await resolveMedia(doc, signal);
  return { doc, model, upstream: toUpstreamRequest(doc, { media, kind: model?.kind }) };
}

/** `preparePrompt` of a request's JSON body, read within the server's body limit. */
export async function preparePromptRequest(request: Request): Promise<PreparedPrompt> {
  const json = await readJsonBody(request, serverEnv().maxBodyBytes);
  return preparePrompt(json, request.signal);
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
  if (!isRunnable(model)) {
    throw new AppError({
      code: "bad_request:model",
      field: "model",
      message: `${model.displayName} (${id}) cannot be run here: it answers neither generateContent nor generateImages.`,
    });
  }
  return model;
}
