/**
 * Image, speech, embedding, Imagen and Veo models: ids, versions and token limits as Google lists
 * them (2026), descriptions in our own words.
 */
import { type CatalogueModel, IMAGE_METHODS, model, THINKS } from "./catalogue-entry";

export const MEDIA_MODELS: readonly CatalogueModel[] = [
  model(
    "gemini-2.5-flash-preview-tts",
    {
      version: "gemini-2.5-flash-exp-tts-2025-05-19",
      displayName: "Gemini 2.5 Flash Preview TTS",
      description: "Turns text into natural speech with controllable voices (preview).",
    },
    [8192, 16384],
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
    [8192, 16384],
    ["countTokens", "generateContent"],
    {},
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
    { maxTemperature: 1 },
  ),
  model(
    "gemini-3-pro-image-preview",
    {
      version: "3.0",
      displayName: "Nano Banana Pro",
      description:
        "Studio-quality image generation and editing with careful text rendering (preview).",
    },
    [65536, 32768],
    IMAGE_METHODS,
    { maxTemperature: 1, thinking: true },
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
    { maxTemperature: 1, thinking: true },
  ),
  model(
    "gemini-3.1-flash-tts-preview",
    {
      version: "3.1-flash-tts-preview",
      displayName: "Gemini 3.1 Flash TTS Preview",
      description: "Expressive multi-speaker speech synthesis from the 3.1 Flash family (preview).",
    },
    [8192, 16384],
    IMAGE_METHODS,
    THINKS,
  ),
  model(
    "gemini-embedding-001",
    {
      version: "001",
      displayName: "Gemini Embedding 001",
      description: "Maps text to a vector for search, clustering and similarity.",
    },
    [2048, 1],
    ["embedContent", "countTextTokens", "countTokens", "asyncBatchEmbedContent"],
  ),
  {
    name: "models/aqa",
    version: "001",
    displayName: "Model that performs Attributed Question Answering.",
    description:
      "Answers questions from supplied passages and reports how answerable each question was.",
    inputTokenLimit: 7168,
    outputTokenLimit: 1024,
    supportedGenerationMethods: ["generateAnswer"],
    temperature: 0.2,
    topP: 1,
    topK: 40,
  },
  model(
    "imagen-4.0-generate-001",
    {
      version: "001",
      displayName: "Imagen 4",
      description: "Text-to-image model served through the predict endpoint.",
    },
    [480, 8192],
    ["predict"],
  ),
  model(
    "imagen-4.0-ultra-generate-001",
    {
      version: "001",
      displayName: "Imagen 4 Ultra",
      description: "Highest-fidelity Imagen 4 variant, one image per request.",
    },
    [480, 8192],
    ["predict"],
  ),
  model(
    "imagen-4.0-fast-generate-001",
    {
      version: "001",
      displayName: "Imagen 4 Fast",
      description: "Quicker, cheaper Imagen 4 variant.",
    },
    [480, 8192],
    ["predict"],
  ),
  model(
    "veo-3.1-generate-preview",
    {
      version: "3.1",
      displayName: "Veo 3.1",
      description: "Generates short videos with sound from text or images (preview).",
    },
    [480, 8192],
    ["predictLongRunning"],
  ),
  model(
    "veo-3.1-lite-generate-preview",
    {
      version: "3.1",
      displayName: "Veo 3.1 lite",
      description: "Lower-cost Veo 3.1 video generation (preview).",
    },
    [480, 8192],
    ["predictLongRunning"],
  ),
];
