/**
 * POST embeddings: `{model, input: string | string[], dimensions?, encoding_format?}` answered as
 * `{data: [{embedding, index, object: "embedding"}], model, object: "list", usage: {prompt_tokens,
 * total_tokens}}`, one entry per input in order. The vectors are native/embed.ts's, so a text
 * embeds the same through both doors; `dimensions` is the native outputDimensionality (1–3072,
 * the native 400 outside it), at most 100 inputs as in batchEmbedContents. `encoding_format:
 * "base64"` (what the `openai` Node client asks for unless told otherwise) sends the little-endian
 * float32 bytes in base64, as OpenAI does; whether Google encodes or ignores it is unconfirmed.
 * Usage counts the inputs' tokens by the emulator's rule (Gemini's embedContent reports none).
 */
import { encodeBase64 } from "@/lib/emulator/base64";
import { findModel, supportsMethod } from "@/lib/emulator/catalogue/catalogue";
import type { RequestLogHandle } from "@/lib/emulator/log";
import { embedVector } from "@/lib/emulator/native/embed";
import { textTokens } from "@/lib/emulator/native/tokens";
import type { ApiVersion, JsonValue } from "@/lib/emulator/types";
import { brokenRules } from "@/lib/emulator/validation/bad-request";
import { invalidArgument, modelNotFound } from "@/lib/emulator/validation/errors";
import { readJsonBody } from "@/lib/emulator/validation/request-body";
import { compatJsonResponse } from "./compat-json";
import { anyJson, type CompatMessage, int32, str, walkCompatBody } from "./request-walk";

const DIMENSIONS = 3072;
const MAX_INPUTS = 100;
const PREFIX = "EmbeddingRequest";

const EMBEDDING_REQUEST: CompatMessage = {
  typeName: "EmbeddingRequest",
  fields: { model: str, input: anyJson, dimensions: int32, encoding_format: str, user: str },
};

interface EmbeddingRequest {
  model?: string;
  input?: JsonValue;
  dimensions?: number;
  encoding_format?: string;
}

function inputs(input: JsonValue | undefined): string[] {
  if (typeof input === "string") return [input];
  if (Array.isArray(input) && input.length > 0 && input.every((i) => typeof i === "string")) {
    return input as string[];
  }
  throw brokenRules([`* ${PREFIX}.input: input must be a string or a non-empty list of strings\n`]);
}

function base64Floats(values: number[]): string {
  const floats = new Float32Array(values);
  return encodeBase64(new Uint8Array(floats.buffer));
}

export async function createEmbeddings(
  request: Request,
  version: ApiVersion,
  entry: RequestLogHandle,
): Promise<Response> {
  const body = walkCompatBody(EMBEDDING_REQUEST, await readJsonBody(request)) as EmbeddingRequest;
  const modelId = (body.model ?? "").replace(/^models\//, "");
  if (!modelId) throw brokenRules([`* ${PREFIX}.model: model is not specified\n`]);
  entry.setModel(modelId);
  const texts = inputs(body.input);
  entry.setPrompt(texts[0] ?? "");
  const format = body.encoding_format ?? "float";
  if (format !== "float" && format !== "base64") {
    throw brokenRules([`* ${PREFIX}.encoding_format: must be one of float, base64\n`]);
  }
  const model = findModel(modelId);
  if (!model || !supportsMethod(model, "embedContent")) {
    throw modelNotFound(modelId, "embedContent", version);
  }
  if (texts.length > MAX_INPUTS) {
    throw invalidArgument(
      `* BatchEmbedContentsRequest.requests: at most ${MAX_INPUTS} requests can be in one batch\n`,
    );
  }
  const dims = body.dimensions;
  if (dims !== undefined && (dims < 1 || dims > DIMENSIONS)) {
    throw invalidArgument(
      `* BatchEmbedContentsRequest.requests[0].output_dimensionality: must be between 1 and ${DIMENSIONS}\n`,
    );
  }
  const data = texts.map((text, index) => {
    const values = embedVector(text, dims ?? DIMENSIONS);
    return {
      embedding: format === "base64" ? base64Floats(values) : values,
      index,
      object: "embedding",
    };
  });
  const tokens = texts.reduce((sum, text) => sum + Math.max(1, textTokens(text)), 0);
  entry.respond(200);
  entry.finish("ok");
  return compatJsonResponse(
    {
      data,
      model: body.model ?? modelId,
      object: "list",
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    },
    entry.id,
  );
}
