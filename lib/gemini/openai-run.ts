import "server-only";
import { ApiError, type GenerateContentParameters } from "@google/genai";
import OpenAI from "openai";
import { AppError } from "@/lib/errors";
import type { ChunkData } from "@/lib/run/events";
import { toCompatChatRequest } from "@/lib/wire/openai-request";
import { gemini } from "./client";
import { asGeminiChunks } from "./door-stream";
import { type CompatChunk, CompatChunkReader } from "./openai-chunks";

let client: OpenAI | undefined;

/**
 * The official `openai` client on Google's OpenAI-compatible endpoint, with the server's key and
 * the same upstream as the Gemini SDK (the emulator in-process when offline). It never retries on
 * its own: a retry is the person's choice, as with every other run.
 */
function compatClient(): OpenAI {
  if (client) return client;
  const { rest } = gemini();
  client = new OpenAI({
    apiKey: rest.apiKey,
    baseURL: `${rest.baseUrl}/v1beta/openai/`,
    fetch: unwrapErrorLists(rest.fetch),
    maxRetries: 0,
    timeout: 10 * 60 * 1000,
  });
  return client;
}

/**
 * The endpoint sends its errors as a list (`[{"error": {…}}]`), which the client cannot read and
 * reports as "status code (no body)"; unwrapped, Google's own message reaches the person.
 */
function unwrapErrorLists(fetcher: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetcher(input, init);
    if (response.ok || !response.headers.get("content-type")?.includes("json")) return response;
    const text = await response.text();
    let body = text;
    try {
      const parsed = JSON.parse(text) as unknown;
      if (Array.isArray(parsed) && parsed.length > 0) body = JSON.stringify(parsed[0]);
    } catch {
      // Not JSON after all: passed on as it came.
    }
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** A run through the OpenAI-compatible endpoint, as Gemini's chunks. */
export async function openaiChunks(
  params: GenerateContentParameters,
  signal: AbortSignal,
): Promise<AsyncIterable<ChunkData>> {
  refuseFileUris(params);
  const body = toCompatChatRequest(params);
  let stream: AsyncIterable<CompatChunk>;
  try {
    stream = (await compatClient().chat.completions.create(body as never, {
      signal,
    })) as unknown as AsyncIterable<CompatChunk>;
  } catch (error) {
    throw asGeminiError(error);
  }
  return asGeminiChunks(stream, new CompatChunkReader(), asGeminiError);
}

/** Google's error, whichever client read it, so it is explained the one way (errors.ts). */
function asGeminiError(error: unknown): unknown {
  if (!(error instanceof OpenAI.APIError) || error.status === undefined) return error;
  const envelope =
    error.error && typeof error.error === "object"
      ? error.error
      : { code: error.status, message: error.message };
  return new ApiError({ message: JSON.stringify({ error: envelope }), status: error.status });
}

/**
 * Files too large to send inline go to Gemini as Files API URIs, which the endpoint has no place
 * for: said before anything is sent.
 */
function refuseFileUris(params: GenerateContentParameters): void {
  const contents = (params.contents ?? []) as { parts?: { fileData?: unknown }[] }[];
  const files = contents.flatMap((c) => c.parts ?? []).filter((p) => p.fileData).length;
  if (files === 0) return;
  throw new AppError({
    code: "bad_request:prompt",
    field: "config.api",
    message: `${files === 1 ? "A file" : `${files} files`} in this prompt ${files === 1 ? "is" : "are"} too large to send inline, and OpenAI compatibility has no other way to carry ${files === 1 ? "it" : "them"}. Use smaller files, or run through the Gemini API.`,
  });
}
