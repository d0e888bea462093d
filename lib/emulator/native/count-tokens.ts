/**
 * countTokens accepts either bare `contents` or a whole `generateContentRequest` (which may carry a
 * system instruction and tools); the latter counts exactly what a generation would bill as
 * promptTokenCount. Directives are not acted on here: counting a prompt must not fail it.
 */
import type { RouteContext } from "@/lib/emulator/context";
import { contentText, lastUserContent } from "@/lib/emulator/text";
import { invalidArgument } from "@/lib/emulator/validation/errors";
import { isObject, parseGenerateRequest } from "@/lib/emulator/validation/request-body";
import { jsonResponse } from "@/lib/emulator/wire";
import { countPromptTokens } from "./tokens";

export function countTokens(ctx: RouteContext): Response {
  const { body } = ctx;
  const nested = body.generateContentRequest;
  // proto3 JSON: an empty repeated field is the same as an absent one.
  const hasContents = Array.isArray(body.contents)
    ? body.contents.length > 0
    : body.contents !== undefined;
  if (nested !== undefined && hasContents) {
    throw invalidArgument(
      "CountTokensRequest can have either contents or generate_content_request, but not both.",
    );
  }
  const request = isObject(nested)
    ? parseGenerateRequest(nested, ctx.modelId, "CountTokensRequest.generate_content_request")
    : parseGenerateRequest(body, ctx.modelId, "CountTokensRequest");
  ctx.log.setPrompt(contentText(lastUserContent(request.contents)));
  const count = countPromptTokens(request, ctx.files.tokenFacts);
  ctx.log.respond(200);
  ctx.log.finish("ok");
  return jsonResponse({ totalTokens: count.total, promptTokensDetails: count.details }, ctx.log.id);
}
