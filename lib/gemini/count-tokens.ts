import "server-only";
import { AppError } from "@/lib/errors";
import type { CountTokensResponse } from "@/lib/models/types";
import type { UpstreamRequest } from "@/lib/wire/request";
import { gemini, upstreamName } from "./client";
import { toAppError } from "./errors";

/**
 * The API's own count for a whole request. The SDK's countTokens refuses systemInstruction and
 * tools on the Gemini API, but the REST method counts a full `generateContentRequest`; the
 * request Run would send is put in the body through `extraBody`. The API takes either that or
 * `contents`, so `contents` is overwritten with an empty list, which proto3 JSON reads as unset.
 */
export async function countTokens(
  upstream: UpstreamRequest,
  options: { signal?: AbortSignal } = {},
): Promise<CountTokensResponse> {
  if (upstream.method !== "generateContent") {
    throw new AppError({
      code: "bad_request:model",
      field: "model",
      message: `${upstream.params.model} makes images from the prompt's text and has no token count.`,
    });
  }
  const { ai } = gemini();
  const { model, contents, config = {} } = upstream.params;
  const { systemInstruction, tools } = config;
  const generateContentRequest = {
    model: `models/${model}`,
    contents,
    ...(systemInstruction !== undefined && { systemInstruction }),
    ...(tools?.length && { tools }),
  };
  try {
    const result = await ai.models.countTokens({
      model,
      // The SDK insists on contents; extraBody replaces them on the wire.
      contents: [{ role: "user", parts: [{ text: "" }] }],
      config: {
        abortSignal: options.signal,
        httpOptions: { extraBody: { contents: [], generateContentRequest } },
      },
    });
    return { totalTokens: result.totalTokens ?? 0 };
  } catch (error) {
    // The counter asks again at every pause in typing and drops the question before: that abort
    // is the caller's own doing, and `handle` ends it quietly, with no error in the log.
    if (options.signal?.aborted) throw error;
    throw toAppError(error, { model, upstream: upstreamName() });
  }
}
