import type { CountTokensResponse } from "@/lib/models/types";
import type { PromptDocInput } from "@/lib/prompt";
import { browserError, RequestError } from "./errors";
import { type CallOptions, requestJson } from "./http";

/** POST /api/count-tokens: what Gemini counts for the document a run would send. */
export async function countTokens(
  doc: PromptDocInput,
  options: CallOptions = {},
): Promise<CountTokensResponse> {
  const json = await requestJson<Partial<CountTokensResponse>>("/api/count-tokens", {
    ...options,
    method: "POST",
    // Counted at every pause in typing: made and sent off the main thread (doc-body.ts).
    doc,
    unreachableMessage: "Could not reach the server to count tokens.",
  });
  if (typeof json.totalTokens !== "number") {
    throw new RequestError(browserError("Could not count tokens."));
  }
  return { totalTokens: json.totalTokens };
}
