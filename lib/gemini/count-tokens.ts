import "server-only";
import type { CountTokensResponse } from "@/lib/models/types";
import type { PromptDoc } from "@/lib/prompt";
import { gemini, upstreamName } from "./client";
import { toAppError } from "./errors";
import { type MediaLookup, toGenerateContentParameters } from "./request";

/**
 * The API's own count for a whole document. The SDK's countTokens refuses systemInstruction and
 * tools on the Gemini API, but the REST method counts a full `generateContentRequest`; the
 * request is built by the same mapping as Run and put in the body through `extraBody`. The API
 * takes either that or `contents`, so `contents` is overwritten with an empty list, which proto3
 * JSON reads as unset.
 */
export async function countTokens(
  doc: PromptDoc,
  options: { signal?: AbortSignal; media?: MediaLookup } = {},
): Promise<CountTokensResponse> {
  const { ai } = gemini();
  const params = toGenerateContentParameters(doc, options.media);
  const { systemInstruction, tools } = params.config ?? {};
  const contents = params.contents as unknown[];
  const generateContentRequest = {
    model: `models/${doc.model}`,
    contents,
    ...(systemInstruction !== undefined && { systemInstruction }),
    ...(tools?.length && { tools }),
  };
  try {
    const result = await ai.models.countTokens({
      model: doc.model,
      // The SDK insists on contents; extraBody replaces them on the wire.
      contents: [{ role: "user", parts: [{ text: "" }] }],
      config: {
        abortSignal: options.signal,
        httpOptions: { extraBody: { contents: [], generateContentRequest } },
      },
    });
    return { totalTokens: result.totalTokens ?? 0 };
  } catch (error) {
    throw toAppError(error, { model: doc.model, upstream: upstreamName() });
  }
}
