/**
 * generateContent and streamGenerateContent: validate, apply directives, check the media received,
 * plan, make any image or speech the model answers with, then render the plan as one pretty JSON
 * body or as paced SSE frames.
 */
import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue";
import type { RouteContext } from "@/lib/emulator/context";
import { createFrameStream, type Frame } from "@/lib/emulator/frame-stream";
import { injectedError } from "@/lib/emulator/validation/errors";
import {
  baseHeaders,
  JSON_CONTENT_TYPE,
  jsonResponse,
  SSE_CONTENT_TYPE,
  sseFrame,
  toPrettyJson,
} from "@/lib/emulator/wire";
import { pacedTimes, planAnswers } from "./answer-plans";
import { unaryCandidates } from "./candidates";
import type { Directives } from "./directives";
import type { GenerationPlan } from "./plan";
import type { StreamChunk } from "./stream-chunks";

export async function generate(ctx: RouteContext, listed: CatalogueModel): Promise<Response> {
  const streaming = ctx.method === "streamGenerateContent";
  const { plans, chunks, directives } = await planAnswers(ctx, listed, streaming);
  if (!streaming) return unary(ctx, plans, chunks, directives);
  return stream(ctx, chunks, directives);
}

async function unary(
  ctx: RouteContext,
  plans: GenerationPlan[],
  chunks: StreamChunk[],
  directives: Directives,
): Promise<Response> {
  // A unary call takes as long as the stream would have, so benchmarks see real latency.
  if (directives.rate)
    await ctx.sleep(pacedTimes(chunks, directives, ctx.directiveCaps?.streamMs).at(-1) ?? 0);
  if (directives.disconnect !== undefined) {
    ctx.log.respond(200);
    const body = createFrameStream({
      frames: [],
      end: "disconnect",
      signal: ctx.signal,
      log: ctx.log,
    });
    return new Response(body, { headers: baseHeaders(JSON_CONTENT_TYPE, ctx.log.id) });
  }
  ctx.log.respond(200);
  ctx.log.finish("ok");
  return withCapped(jsonResponse(unaryCandidates(plans), ctx.log.id), directives);
}

/** Says which directives were clamped (offline mode's caps), so a surprised tester can see why. */
function withCapped(response: Response, directives: Directives): Response {
  if (directives.capped) response.headers.set("x-emulator-capped", directives.capped.join("; "));
  return response;
}

function stream(ctx: RouteContext, chunks: StreamChunk[], directives: Directives): Response {
  if (ctx.url.searchParams.get("alt") !== "sse") return jsonArray(ctx, chunks);
  const times = pacedTimes(chunks, directives, ctx.directiveCaps?.streamMs);
  let frames: Frame[] = chunks.map((chunk, index) => ({
    data: sseFrame(chunk.body),
    atMs: times[index] ?? 0,
  }));

  let closeOutcome: "ok" | "error" = "ok";
  if (directives.error !== undefined && directives.after !== undefined) {
    const error = injectedError(directives.error, ctx.target(), directives);
    frames = frames.slice(0, directives.after);
    frames.push({ data: sseFrame(error.toJSON()), atMs: frames.at(-1)?.atMs ?? 0 });
    closeOutcome = "error";
  }
  const cut = directives.disconnect;
  if (cut !== undefined) frames = frames.slice(0, cut);
  ctx.log.respond(200);
  const body = createFrameStream({
    frames,
    end: cut === undefined ? "close" : "disconnect",
    closeOutcome,
    signal: ctx.signal,
    log: ctx.log,
  });
  const headers = baseHeaders(SSE_CONTENT_TYPE, ctx.log.id);
  headers.set("cache-control", "no-cache");
  headers.set("content-disposition", "attachment");
  return withCapped(new Response(body, { headers }), directives);
}

/** streamGenerateContent without `alt=sse` answers one JSON array of the chunks. */
function jsonArray(ctx: RouteContext, chunks: StreamChunk[]): Response {
  ctx.log.respond(200);
  ctx.log.finish("ok");
  return new Response(toPrettyJson(chunks.map((chunk) => chunk.body)), {
    headers: baseHeaders(JSON_CONTENT_TYPE, ctx.log.id),
  });
}
