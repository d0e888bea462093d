/**
 * Imagen through `POST models/{imagen}:predict`: `{instances: [{prompt}], parameters: {sampleCount,
 * aspectRatio, imageSize?, …}}` → `{predictions: [{bytesBase64Encoded, mimeType}, …]}`, one
 * distinct PNG per sample (1–4, default 4; Ultra makes one per request), sized by aspect ratio.
 * Other models are refused by the handler with Google's 404 for a method they lack. The prompt
 * takes `#emulator` directives: error=, message=, retryDelay= and delay= apply here.
 */

import { encodeBase64 } from "@/lib/emulator/base64";
import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue";
import type { RouteContext } from "@/lib/emulator/context";
import { parseDirectives, stripDirectives } from "@/lib/emulator/native/directives";
import { injectedError, invalidArgument } from "@/lib/emulator/validation/errors";
import { isObject } from "@/lib/emulator/validation/request-body";
import { jsonResponse } from "@/lib/emulator/wire";
import { imagenImageSize } from "./image-sizes";
import { pictureSeed } from "./media-output";
import { paintPicture } from "./picture";
import { encodePng } from "./png-writer";

const MAX_SAMPLES = 4;

function sampleCount(raw: unknown, ultra: boolean): number {
  if (raw === undefined || raw === null) return ultra ? 1 : MAX_SAMPLES;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > MAX_SAMPLES) {
    throw invalidArgument(
      `* parameters.sample_count: Number of images must be between 1 and ${MAX_SAMPLES}, got ${JSON.stringify(raw)}\n`,
    );
  }
  if (ultra && count > 1) {
    throw invalidArgument(
      `* parameters.sample_count: This model can generate only 1 image per request, got ${count}\n`,
    );
  }
  return count;
}

export async function predict(ctx: RouteContext, model: CatalogueModel): Promise<Response> {
  const instances = ctx.body.instances;
  const first = Array.isArray(instances) ? instances[0] : undefined;
  const prompt = isObject(first) && typeof first.prompt === "string" ? first.prompt : "";
  ctx.log.setPrompt(prompt);
  if (stripDirectives(prompt).trim() === "") {
    throw invalidArgument("* instances[0].prompt: prompt is required and must not be empty\n");
  }
  const parameters = isObject(ctx.body.parameters) ? ctx.body.parameters : {};
  const count = sampleCount(parameters.sampleCount, model.name.includes("ultra"));
  const aspectRatio =
    typeof parameters.aspectRatio === "string" ? parameters.aspectRatio : undefined;
  const imageSize = parameters.imageSize ?? parameters.sampleImageSize;
  const size = imagenImageSize(aspectRatio, typeof imageSize === "string" ? imageSize : undefined);

  const directives = parseDirectives(prompt, ctx.directiveCaps, model.name.slice(7));
  if (directives.delayMs) await ctx.sleep(directives.delayMs);
  if (directives.error !== undefined)
    throw injectedError(directives.error, ctx.target(), directives);

  const text = stripDirectives(prompt);
  const predictions = [];
  for (let sample = 0; sample < count; sample++) {
    const seed = pictureSeed(text, [`imagen sample ${sample}`], size);
    const png = await encodePng(size[0], size[1], paintPicture(size[0], size[1], seed));
    predictions.push({ bytesBase64Encoded: encodeBase64(png), mimeType: "image/png" });
  }
  ctx.log.respond(200);
  ctx.log.finish("ok");
  return jsonResponse({ predictions }, ctx.log.id);
}
