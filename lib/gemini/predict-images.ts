import "server-only";
import type { GenerateImagesParameters } from "@google/genai";
import { gemini } from "./client";
import { restError } from "./rest-error";

/**
 * Imagen on the Gemini API: `models/{id}:predict`. The SDK (2.x, and still 3.3) sends
 * generateImages only to Vertex AI and throws before any request on the Gemini API, so this one
 * method is called over REST here, with the SDK's own error type so failures are explained like
 * every other call.
 */
export interface PredictedImage {
  bytesBase64Encoded?: string;
  mimeType?: string;
  raiFilteredReason?: string;
}

export async function predictImages(
  { model, prompt, config = {} }: GenerateImagesParameters,
  signal: AbortSignal,
): Promise<PredictedImage[]> {
  const { rest } = gemini();
  const parameters = {
    ...(config.numberOfImages !== undefined && { sampleCount: config.numberOfImages }),
    ...(config.aspectRatio && { aspectRatio: config.aspectRatio }),
  };
  const response = await rest.fetch(
    `${rest.baseUrl}/${rest.apiVersion}/models/${encodeURIComponent(model)}:predict`,
    {
      method: "POST",
      headers: { "content-type": "application/json", "x-goog-api-key": rest.apiKey },
      body: JSON.stringify({ instances: [{ prompt }], parameters }),
      signal,
    },
  );
  if (!response.ok) throw await restError(response, "Imagen");
  const body = (await response.json()) as { predictions?: PredictedImage[] };
  return body.predictions ?? [];
}
