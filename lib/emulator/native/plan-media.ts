/**
 * Plans for models that answer with media. Speech models only read the text aloud: no thoughts,
 * no text, no markdown. Image models think as their family does and caption the picture (unless
 * IMAGE alone was asked for); Gemini 3 ones sign the text and the image part, and neither ends
 * its stream with Gemini 3's empty text part. The media itself is made afterwards
 * (media/media-output.ts), because encoding it is asynchronous.
 */

import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue";
import type { Size } from "@/lib/emulator/media/image-sizes";
import type { OutputKind } from "@/lib/emulator/media/output-kind";
import type { ModalityTokenCount, WireGenerationConfig, WirePart } from "@/lib/emulator/types";
import { composeImageAnswer, type RequestEcho } from "./answer";
import type { Directives } from "./directives";
import type { GenerationPlan } from "./plan";
import { signatureFor } from "./thought-signature";
import { planThoughts, signsAlways } from "./thoughts";
import type { FileFactsLookup } from "./tokens";

/** Media parts that follow the text (images) or stand in for it (speech). */
export interface PlanOutput {
  modality: Extract<ModalityTokenCount["modality"], "IMAGE" | "AUDIO">;
  /** A unary answer's parts. */
  parts: WirePart[];
  /** A stream's media, one part per chunk: speech arrives in pieces, an image whole. */
  chunks: { part: WirePart; tokens: number }[];
  /** Billed as candidate tokens and listed in candidatesTokensDetails. */
  tokens: number;
}

/** What generate.ts learned before planning: media echo lines, the output kind, file facts. */
export interface PlanContext {
  media?: string[];
  output?: OutputKind;
  files?: FileFactsLookup;
  /** Image models: the picture's size, for the caption. */
  imageSize?: Size;
  /** Which of several candidates (candidateCount) this plan is; 0 or absent for the first. */
  candidate?: number;
}

type PlanBase = Omit<GenerationPlan, "answer" | "finishReason">;

export function planMedia(
  base: PlanBase,
  echo: RequestEcho,
  model: CatalogueModel,
  config: WireGenerationConfig,
  directives: Directives,
  context: PlanContext,
): GenerationPlan | undefined {
  const output = context.output;
  const finishReason = directives.finish ?? "STOP";
  if (output?.kind === "speech") {
    return { ...base, emptyLastPart: false, noText: true, answer: "", finishReason };
  }
  if (output?.kind !== "image") return undefined;
  const [width, height] = context.imageSize ?? [1024, 1024];
  const thoughts = planThoughts(echo, model, config, {
    directive: directives.thoughts,
    seed: Number.parseInt(echo.fingerprint, 16),
    task: `draw a ${width}×${height} picture of what the message describes`,
  });
  const signature = thoughts?.signature;
  return {
    ...base,
    ...(thoughts && { thoughts }),
    emptyLastPart: false,
    noText: !output.withText,
    answer: output.withText ? composeImageAnswer(echo, width, height) : "",
    finishReason,
    ...(signature && { textSignature: signature }),
    ...(signsAlways(model) && { mediaSignature: signatureFor(echo.fingerprint, "image") }),
  };
}
