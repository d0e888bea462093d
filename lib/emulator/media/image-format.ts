/**
 * Which file format each image model answers in. Gemini 3 Pro Image sends JPEG (capture 07,
 * gemini-3-pro-image-preview: `"mimeType": "image/jpeg"`, data starting `/9j/4AAQ`, a JFIF header);
 * no capture shows the others, so they keep PNG until one does.
 */
import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue";
import { encodeJpeg } from "./jpeg-writer";
import { encodePng } from "./png-writer";

export type ImageMimeType = "image/jpeg" | "image/png";

export function imageMimeType(model: CatalogueModel): ImageMimeType {
  return model.name.startsWith("models/gemini-3-pro-image") ? "image/jpeg" : "image/png";
}

export async function encodeImage(
  model: CatalogueModel,
  width: number,
  height: number,
  rgb: Uint8Array,
): Promise<{ mimeType: ImageMimeType; bytes: Uint8Array }> {
  const mimeType = imageMimeType(model);
  const bytes =
    mimeType === "image/jpeg"
      ? encodeJpeg(width, height, rgb)
      : await encodePng(width, height, rgb);
  return { mimeType, bytes };
}
