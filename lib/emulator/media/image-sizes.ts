/**
 * Output sizes by aspect ratio, as Google documents them: Gemini image models at their 1K tier,
 * Imagen at its default (1K) size, doubled for `imageSize: "2K"`.
 */
import { invalidArgument } from "@/lib/emulator/validation/errors";

export type Size = [width: number, height: number];

const GEMINI_1K: Record<string, Size> = {
  "1:1": [1024, 1024],
  "16:9": [1344, 768],
  "9:16": [768, 1344],
  "4:3": [1184, 864],
  "3:4": [864, 1184],
  "3:2": [1248, 832],
  "2:3": [832, 1248],
  "5:4": [1152, 896],
  "4:5": [896, 1152],
  "21:9": [1536, 672],
};

const IMAGEN_1K: Record<string, Size> = {
  "1:1": [1024, 1024],
  "3:4": [896, 1280],
  "4:3": [1280, 896],
  "9:16": [768, 1408],
  "16:9": [1408, 768],
};

function lookup(table: Record<string, Size>, ratio: string | undefined, field: string): Size {
  const size = table[ratio ?? "1:1"];
  if (!size) {
    throw invalidArgument(
      `* ${field}: Unsupported aspect ratio "${ratio}". Supported values: ${Object.keys(table).join(", ")}\n`,
    );
  }
  return size;
}

/** `generationConfig.imageConfig.aspectRatio` of a Gemini image model (1:1 when unset). */
export function geminiImageSize(aspectRatio: string | undefined): Size {
  return lookup(
    GEMINI_1K,
    aspectRatio,
    "GenerateContentRequest.generation_config.image_config.aspect_ratio",
  );
}

export function imagenImageSize(
  aspectRatio: string | undefined,
  imageSize: string | undefined,
): Size {
  const [width, height] = lookup(IMAGEN_1K, aspectRatio, "parameters.aspect_ratio");
  if (imageSize === undefined || imageSize === "1K") return [width, height];
  if (imageSize === "2K") return [width * 2, height * 2];
  throw invalidArgument(
    `* parameters.image_size: Unsupported image size "${imageSize}". Supported values: 1K, 2K\n`,
  );
}
