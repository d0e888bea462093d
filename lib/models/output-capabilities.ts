/**
 * What a model can answer with beyond text: pictures (count, aspect ratio, text alongside or not)
 * and speech (speakers), and the modalities a run asks for. Pure and isomorphic, like the rest of
 * a model's capabilities (capabilities.ts).
 */
import type { RunConfig } from "@/lib/prompt/config";
import type { ModelCapabilities } from "./capabilities";
import type { ModelKind } from "./types";

export type Modality = NonNullable<RunConfig["responseModalities"]>[number];
export type AspectRatio = NonNullable<RunConfig["imageAspectRatio"]>;

/** What Gemini's image models take in `imageConfig.aspectRatio` (the schema's whole list). */
export const IMAGE_ASPECT_RATIOS: readonly AspectRatio[] = [
  "1:1",
  "2:3",
  "3:2",
  "3:4",
  "4:3",
  "4:5",
  "5:4",
  "9:16",
  "16:9",
  "21:9",
];
/** Imagen's `aspectRatio` accepts only these; 1:1 when unset. */
export const IMAGEN_ASPECT_RATIOS: readonly AspectRatio[] = ["1:1", "3:4", "4:3", "9:16", "16:9"];

/** Image models answer with text and pictures unless asked for pictures only. */
const IMAGE_MODALITIES: readonly (readonly Modality[])[] = [["TEXT", "IMAGE"], ["IMAGE"]];

export type OutputCapabilities = Pick<
  ModelCapabilities,
  "responseModalities" | "aspectRatios" | "numberOfImages" | "maxSpeakers"
>;

const NO_OUTPUT_SETTINGS: OutputCapabilities = {
  responseModalities: [],
  aspectRatios: [],
  numberOfImages: null,
  maxSpeakers: 0,
};

export function outputCapabilities(
  id: string,
  kind: ModelKind,
  runnable: boolean,
): OutputCapabilities {
  if (kind === "imagen") {
    // Imagen makes 1 to 4 pictures a run (4 when unset); the Ultra variant only one.
    const max = id.includes("ultra") ? 1 : 4;
    return {
      ...NO_OUTPUT_SETTINGS,
      aspectRatios: IMAGEN_ASPECT_RATIOS,
      numberOfImages: { min: 1, max, step: 1, default: max },
    };
  }
  if (!runnable) return NO_OUTPUT_SETTINGS;
  if (kind === "image")
    return {
      ...NO_OUTPUT_SETTINGS,
      responseModalities: IMAGE_MODALITIES,
      aspectRatios: IMAGE_ASPECT_RATIOS,
    };
  // Gemini's speech models take one voice, or two named speakers with a voice each.
  if (kind === "tts") return { ...NO_OUTPUT_SETTINGS, maxSpeakers: 2 };
  return { ...NO_OUTPUT_SETTINGS, responseModalities: kind === "text" ? [["TEXT"]] : [] };
}
