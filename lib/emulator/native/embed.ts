/**
 * embedContent and batchEmbedContents: deterministic unit vectors seeded by the text, so equal
 * texts embed equally and similarity tests are stable. The SDK's `models.embedContent` always
 * calls batchEmbedContents against the Gemini API.
 */
import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue";
import type { RouteContext } from "@/lib/emulator/context";
import { fnv1a, mulberry32 } from "@/lib/emulator/hash";
import { contentText } from "@/lib/emulator/text";
import type { JsonObject, JsonValue, WireContent } from "@/lib/emulator/types";
import { invalidArgument } from "@/lib/emulator/validation/errors";
import { isObject } from "@/lib/emulator/validation/request-body";
import { jsonResponse } from "@/lib/emulator/wire";

const DEFAULT_DIMENSIONS = 3072;

export function embedVector(text: string, dimensions: number, taskType = ""): number[] {
  const random = mulberry32(fnv1a(`${taskType}\u0000${text}`));
  const raw = Array.from({ length: dimensions }, () => random() * 2 - 1);
  const norm = Math.hypot(...raw) || 1;
  // Float32 precision, printed with at most eight significant digits, as Google sends them.
  return raw.map((value) => Number(Math.fround(value / norm).toPrecision(8)));
}

function parseOne(request: JsonValue | undefined, path: string, model: CatalogueModel) {
  if (!isObject(request)) throw invalidArgument(`* ${path}: request is not specified\n`);
  const content = request.content;
  if (!isObject(content) || !Array.isArray(content.parts) || content.parts.length === 0) {
    throw invalidArgument(`* ${path}.content.parts: contents.parts must not be empty.\n`);
  }
  const named = request.model;
  if (typeof named === "string" && named !== model.name && `models/${named}` !== model.name) {
    throw invalidArgument(
      `Model in the request (${named}) does not match the model in the URL (${model.name}).`,
    );
  }
  const dims = request.outputDimensionality;
  if (dims !== undefined && (typeof dims !== "number" || dims < 1 || dims > DEFAULT_DIMENSIONS)) {
    throw invalidArgument(
      `* ${path}.output_dimensionality: must be between 1 and ${DEFAULT_DIMENSIONS}\n`,
    );
  }
  const text = contentText(content as unknown as WireContent);
  const taskType = typeof request.taskType === "string" ? request.taskType : "";
  return { text, values: embedVector(text, dims ?? DEFAULT_DIMENSIONS, taskType) };
}

export function embedContent(ctx: RouteContext, model: CatalogueModel): Response {
  const { text, values } = parseOne(ctx.body, "EmbedContentRequest", model);
  ctx.log.setPrompt(text);
  return done(ctx, { embedding: { values } });
}

export function batchEmbedContents(ctx: RouteContext, model: CatalogueModel): Response {
  const requests = ctx.body.requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    throw invalidArgument("* BatchEmbedContentsRequest.requests: requests is not specified\n");
  }
  if (requests.length > 100) {
    throw invalidArgument(
      "* BatchEmbedContentsRequest.requests: at most 100 requests can be in one batch\n",
    );
  }
  const results = requests.map((request, index) =>
    parseOne(request, `BatchEmbedContentsRequest.requests[${index}]`, model),
  );
  ctx.log.setPrompt(results[0]?.text ?? "");
  return done(ctx, { embeddings: results.map(({ values }) => ({ values })) });
}

function done(ctx: RouteContext, body: JsonObject): Response {
  ctx.log.respond(200);
  ctx.log.finish("ok");
  return jsonResponse(body, ctx.log.id);
}
