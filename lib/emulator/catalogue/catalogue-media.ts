/**
 * Gemini models that answer with media through generateContent (speech, images, music): ids,
 * versions, limits and methods as Google listed them on 2026-06-26 (the probe capture 11
 * excerpts), descriptions in our own words.
 */
import { type CatalogueModel, IMAGE_METHODS, model, THINKS } from "./catalogue-entry";

const SPEECH_LIMITS: [number, number] = [8192, 16384];
const IMAGE_SAMPLING = { maxTemperature: 1 };
const IMAGE_THINKS = { maxTemperature: 1, thinking: true };

export const MEDIA_MODELS: readonly CatalogueModel[] = [
  model(
    "gemini-2.5-flash-preview-tts",
    {
      version: "gemini-2.5-flash-exp-tts-2025-05-19",
      displayName: "Gemini 2.5 Flash Preview TTS",
      description: "Turns text into natural speech with controllable voices (preview).",
    },
    SPEECH_LIMITS,
    ["countTokens", "generateContent"],
    {},
  ),
  model(
    "gemini-2.5-pro-preview-tts",
    {
      version: "gemini-2.5-pro-preview-tts-2025-05-19",
      displayName: "Gemini 2.5 Pro Preview TTS",
      description: "Higher-fidelity speech generation from text (preview).",
    },
    SPEECH_LIMITS,
    ["countTokens", "generateContent", "batchGenerateContent"],
    {},
  ),
  model(
    "gemini-3.1-flash-tts-preview",
    {
      version: "3.1-flash-tts-preview",
      displayName: "Gemini 3.1 Flash TTS Preview",
      description: "Expressive multi-speaker speech synthesis from the 3.1 Flash family (preview).",
    },
    SPEECH_LIMITS,
    IMAGE_METHODS,
    THINKS,
  ),
  model(
    "gemini-2.5-flash-image",
    {
      version: "2.0",
      displayName: "Nano Banana",
      description: "Creates and edits images from text and image prompts, built on 2.5 Flash.",
    },
    [32768, 32768],
    IMAGE_METHODS,
    IMAGE_SAMPLING,
  ),
  model(
    "gemini-3-pro-image-preview",
    {
      version: "3.0",
      displayName: "Nano Banana Pro",
      description:
        "Studio-quality image generation and editing with careful text rendering (preview).",
    },
    [131072, 32768],
    IMAGE_METHODS,
    IMAGE_THINKS,
  ),
  model(
    "gemini-3-pro-image",
    {
      version: "3.0",
      displayName: "Nano Banana Pro",
      description: "Stable release of the studio-quality Gemini 3 Pro image model.",
    },
    [131072, 32768],
    IMAGE_METHODS,
    IMAGE_THINKS,
  ),
  // Another name Google lists for Gemini 3 Pro Image Preview; catalogue.ts serves it as that model.
  model(
    "nano-banana-pro-preview",
    {
      version: "3.0",
      displayName: "Nano Banana Pro",
      description: "The Gemini 3 Pro image preview under its product name.",
    },
    [131072, 32768],
    IMAGE_METHODS,
    IMAGE_THINKS,
  ),
  model(
    "gemini-3.1-flash-image-preview",
    {
      version: "3.0",
      displayName: "Nano Banana 2",
      description: "Fast image generation and editing from the 3.1 Flash family (preview).",
    },
    [65536, 65536],
    IMAGE_METHODS,
    IMAGE_THINKS,
  ),
  model(
    "gemini-3.1-flash-image",
    {
      version: "3.0",
      displayName: "Nano Banana 2",
      description: "Stable release of the fast 3.1 Flash image model.",
    },
    [65536, 65536],
    IMAGE_METHODS,
    IMAGE_THINKS,
  ),
  model(
    "lyria-3-clip-preview",
    {
      version: "lyria-3-clip-preview",
      displayName: "Lyria 3 Clip Preview",
      description: "Composes 30-second music clips from a description (preview).",
    },
    [1048576, 65536],
    ["generateContent", "countTokens"],
    {},
  ),
  model(
    "lyria-3-pro-preview",
    {
      version: "lyria-3-pro-preview",
      displayName: "Lyria 3 Pro Preview",
      description: "Composes full-length music from a description (preview).",
    },
    [1048576, 65536],
    ["generateContent", "countTokens"],
    {},
  ),
];
