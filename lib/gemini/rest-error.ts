import "server-only";
import { ApiError } from "@google/genai";

/**
 * A failed REST call made beside the SDK (Imagen's predict, streamed Files API uploads), as the
 * SDK's own ApiError carrying Google's body, so `toAppError` explains it like any SDK call.
 */
export async function restError(response: Response, what: string): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  return new ApiError({
    message: text || `${what} answered ${response.status} without an explanation.`,
    status: response.ok ? 502 : response.status,
  });
}
