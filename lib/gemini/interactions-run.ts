import "server-only";
import { ApiError, type GenerateContentParameters } from "@google/genai";
import type { ChunkData } from "@/lib/run/events";
import { type InteractionBodyOptions, toInteractionBody } from "@/lib/wire/interactions-request";
import { gemini } from "./client";
import { asGeminiChunks } from "./door-stream";
import {
  InteractionChunkReader,
  type InteractionEvent,
  InteractionStreamError,
} from "./interactions-chunks";

/** A run through the Interactions API with the Gemini SDK's own client, as Gemini's chunks. */
export async function interactionsChunks(
  params: GenerateContentParameters,
  signal: AbortSignal,
  options: InteractionBodyOptions = {},
): Promise<AsyncIterable<ChunkData>> {
  const body = toInteractionBody(params, options);
  let stream: AsyncIterable<InteractionEvent>;
  try {
    // No retries of its own: a retry is the person's choice, as with every other run.
    stream = (await gemini().ai.interactions.create(body as never, {
      signal,
      maxRetries: 0,
      timeout: 10 * 60 * 1000,
    })) as unknown as AsyncIterable<InteractionEvent>;
  } catch (error) {
    throw asGeminiError(error);
  }
  return asGeminiChunks(stream, new InteractionChunkReader(), asGeminiError);
}

/**
 * The Interactions API's errors have an envelope of their own (`{code: "resource_exhausted",
 * message}`), and its client an error class of its own; as the SDK's ApiError with Google's usual
 * envelope they are explained the one way (errors.ts).
 */
export function asGeminiError(error: unknown): unknown {
  if (error instanceof InteractionStreamError) {
    return geminiError(statusOf(error.error.code), error.error);
  }
  const failed = error as { status?: unknown; error?: unknown } | null;
  if (!(error instanceof Error) || typeof failed?.status !== "number") return error;
  const body = failed.error as { error?: { code?: unknown; message?: string } } | undefined;
  return geminiError(failed.status, body?.error ?? { message: error.message });
}

function geminiError(status: number, said: { code?: unknown; message?: string }): ApiError {
  const name = typeof said.code === "string" ? said.code.toUpperCase() : undefined;
  const envelope = {
    code: status,
    message: said.message ?? "The interaction failed.",
    ...(name && { status: name === "INVALID_REQUEST" ? "INVALID_ARGUMENT" : name }),
  };
  return new ApiError({ message: JSON.stringify({ error: envelope }), status });
}

const CODE_STATUS: Readonly<Record<string, number>> = {
  invalid_request: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  resource_exhausted: 429,
  unavailable: 503,
  deadline_exceeded: 504,
};

/** An error event names its code as text (`resource_exhausted`) or, now and then, a number. */
function statusOf(code: unknown): number {
  if (typeof code === "number") return code;
  return CODE_STATUS[String(code)] ?? 500;
}
