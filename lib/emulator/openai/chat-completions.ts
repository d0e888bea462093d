/**
 * POST chat/completions: parse the compat body (chat-schema.ts), check it (chat-request.ts), find
 * the model, translate to a native body and validate that as the native route does, plan the
 * answers as the native route does (native/answer-plans.ts), answer unary (chat-response.ts) or
 * streamed (chat-stream.ts). Google parses before it looks anything up, so a malformed body is a
 * 400 even for an unknown model.
 */
import { findModel, supportsMethod } from "@/lib/emulator/catalogue/catalogue";
import { abortableSleep, type RouteContext } from "@/lib/emulator/context";
import { createFrameStream } from "@/lib/emulator/frame-stream";
import type { HandlerOptions } from "@/lib/emulator/handler";
import type { RequestLogHandle } from "@/lib/emulator/log";
import { pacedTimes, planAnswers } from "@/lib/emulator/native/answer-plans";
import { unaryCandidates } from "@/lib/emulator/native/candidates";
import type { Directives } from "@/lib/emulator/native/directives";
import type { ApiVersion } from "@/lib/emulator/types";
import { injectedError, modelNotFound } from "@/lib/emulator/validation/errors";
import { readJsonBody, validateRequestBody } from "@/lib/emulator/validation/request-body";
import { baseHeaders, JSON_CONTENT_TYPE } from "@/lib/emulator/wire";
import { checkChatRequest, nativeBody } from "./chat-request";
import { unaryCompletion } from "./chat-response";
import { CHAT_COMPLETION_REQUEST, type ChatRequest } from "./chat-schema";
import { compatStreamBody } from "./chat-stream";
import { compatJsonResponse, compatSseHeaders } from "./compat-json";
import { walkCompatBody } from "./request-walk";

/** Says which directives were clamped (offline mode's caps), as the native route does. */
function withCapped(response: Response, directives: Directives): Response {
  if (directives.capped) response.headers.set("x-emulator-capped", directives.capped.join("; "));
  return response;
}

export async function chatCompletions(
  request: Request,
  url: URL,
  version: ApiVersion,
  entry: RequestLogHandle,
  { files, directiveCaps }: HandlerOptions,
): Promise<Response> {
  const chat = walkCompatBody(CHAT_COMPLETION_REQUEST, await readJsonBody(request)) as ChatRequest;
  const modelName = chat.model ?? "";
  const modelId = modelName.replace(/^models\//, "");
  if (modelId) entry.setModel(modelId);
  checkChatRequest(chat);
  const streaming = chat.stream === true;
  const method = streaming ? "streamGenerateContent" : "generateContent";
  const listed = findModel(modelId);
  if (!listed || !supportsMethod(listed, method)) throw modelNotFound(modelId, method, version);
  const body = validateRequestBody(method, nativeBody(chat, listed), version);
  const ctx: RouteContext = {
    request,
    url,
    version,
    method,
    modelId,
    body,
    files,
    signal: request.signal,
    log: entry,
    directiveCaps,
    sleep: (ms) => abortableSleep(ms, request.signal),
    target: () => ({ model: modelId, method, version }),
  };
  const { plans, chunks, directives } = await planAnswers(ctx, listed, streaming);
  const times = pacedTimes(chunks, directives, directiveCaps?.streamMs);

  if (streaming) {
    const fails = directives.error !== undefined && directives.after !== undefined;
    entry.respond(200);
    const stream = compatStreamBody(
      {
        chunks,
        times,
        model: modelName,
        ...(fails && {
          failAfter: {
            count: directives.after ?? 0,
            error: injectedError(directives.error ?? 500, ctx.target(), directives),
          },
        }),
        ...(directives.disconnect !== undefined && { disconnect: directives.disconnect }),
      },
      request.signal,
      entry,
    );
    return withCapped(new Response(stream, { headers: compatSseHeaders(entry.id) }), directives);
  }

  // A unary call takes as long as the stream would have, so benchmarks see real latency.
  if (directives.rate) await ctx.sleep(times.at(-1) ?? 0);
  if (directives.disconnect !== undefined) {
    entry.respond(200);
    const cut = createFrameStream({
      frames: [],
      end: "disconnect",
      signal: request.signal,
      log: entry,
    });
    return new Response(cut, { headers: baseHeaders(JSON_CONTENT_TYPE, entry.id) });
  }
  entry.respond(200);
  entry.finish("ok");
  const completion = unaryCompletion(unaryCandidates(plans), modelName);
  return withCapped(compatJsonResponse(completion, entry.id), directives);
}
