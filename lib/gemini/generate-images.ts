import "server-only";
import type { GenerateImagesParameters } from "@google/genai";
import type { ChunkData } from "@/lib/run/events";
import { type StoredMediaWirePart, storeBase64 } from "./generated-media";
import { type PredictedImage, predictImages } from "./predict-images";

/**
 * Imagen models answer `generateImages`, not generateContent. Their result is shaped as one
 * model chunk with an image part per picture, so the browser folds and renders it exactly like
 * an image model's answer (and a filtered picture becomes a text part that says why).
 */
export async function generateImagesChunks(
  params: GenerateImagesParameters,
  signal: AbortSignal,
): Promise<AsyncGenerator<ChunkData>> {
  const images = await predictImages(params, signal);
  return (async function* () {
    yield await toChunk(params.model, images);
  })();
}

async function toChunk(model: string, images: PredictedImage[]): Promise<ChunkData> {
  const parts = await Promise.all(
    images.map(async (image) => {
      if (image.bytesBase64Encoded) {
        const media = await storeBase64(image.bytesBase64Encoded, image.mimeType ?? "image/png");
        const part: StoredMediaWirePart = { media };
        return part;
      }
      const reason = image.raiFilteredReason ?? "no image was returned";
      return { text: `One image was filtered out: ${reason}\n\n` };
    }),
  );
  if (parts.length === 0) parts.push({ text: "Imagen returned no images for this prompt." });
  return {
    candidates: [{ content: { role: "model", parts }, finishReason: "STOP" as never, index: 0 }],
    modelVersion: model,
  } as ChunkData;
}
