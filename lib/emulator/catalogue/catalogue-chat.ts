/**
 * Gemini and Gemma chat models: ids, versions, token limits and methods as Google listed them on
 * 2026-06-26 (the probe capture 11 excerpts), descriptions in our own words. catalogue-order.ts
 * says where each sits in the listing.
 */
import { type CatalogueModel, CHAT_METHODS, MILLION, model, THINKS } from "./catalogue-entry";

export const CHAT_MODELS: readonly CatalogueModel[] = [
  model(
    "gemini-2.5-flash",
    {
      version: "001",
      displayName: "Gemini 2.5 Flash",
      description:
        "Fast, general-purpose multimodal model from the 2.5 generation with a one-million-token context window.",
    },
    MILLION,
    CHAT_METHODS,
    THINKS,
  ),
  model(
    "gemini-2.5-pro",
    {
      version: "2.5",
      displayName: "Gemini 2.5 Pro",
      description:
        "The 2.5 generation's strongest reasoning model for code, maths and long documents.",
    },
    MILLION,
    CHAT_METHODS,
    THINKS,
  ),
  model(
    "gemini-2.0-flash",
    {
      version: "2.0",
      displayName: "Gemini 2.0 Flash",
      description: "Earlier-generation workhorse model: quick answers, no thinking step.",
    },
    [1048576, 8192],
    CHAT_METHODS,
    { topK: 40 },
  ),
  model(
    "gemini-2.0-flash-001",
    {
      version: "2.0",
      displayName: "Gemini 2.0 Flash 001",
      description: "Pinned release of Gemini 2.0 Flash.",
    },
    [1048576, 8192],
    CHAT_METHODS,
    { topK: 40 },
  ),
  model(
    "gemini-2.0-flash-lite",
    {
      version: "2.0",
      displayName: "Gemini 2.0 Flash-Lite",
      description: "The lightest 2.0 model, tuned for cost and latency.",
    },
    [1048576, 8192],
    CHAT_METHODS,
    { topK: 40 },
  ),
  model(
    "gemini-2.0-flash-lite-001",
    {
      version: "2.0",
      displayName: "Gemini 2.0 Flash-Lite 001",
      description: "Pinned release of Gemini 2.0 Flash-Lite.",
    },
    [1048576, 8192],
    CHAT_METHODS,
    { topK: 40 },
  ),
  model(
    "gemini-2.5-flash-lite",
    {
      version: "001",
      displayName: "Gemini 2.5 Flash-Lite",
      description: "Lowest-latency member of the 2.5 family, for high-volume tasks.",
    },
    MILLION,
    CHAT_METHODS,
    THINKS,
  ),
  model(
    "gemini-flash-latest",
    {
      version: "Gemini Flash Latest",
      displayName: "Gemini Flash Latest",
      description: "Alias that always points at the newest Flash release.",
    },
    MILLION,
    CHAT_METHODS,
    THINKS,
  ),
  model(
    "gemini-flash-lite-latest",
    {
      version: "Gemini Flash-Lite Latest",
      displayName: "Gemini Flash-Lite Latest",
      description: "Alias that always points at the newest Flash-Lite release.",
    },
    MILLION,
    CHAT_METHODS,
    THINKS,
  ),
  model(
    "gemini-pro-latest",
    {
      version: "Gemini Pro Latest",
      displayName: "Gemini Pro Latest",
      description: "Alias that always points at the newest Pro release.",
    },
    MILLION,
    CHAT_METHODS,
    THINKS,
  ),
  model(
    "gemini-3-pro-preview",
    {
      version: "3-pro-preview-11-2025",
      displayName: "Gemini 3 Pro Preview",
      description:
        "Preview of the third-generation Pro model for demanding reasoning and agentic work.",
    },
    MILLION,
    CHAT_METHODS,
    THINKS,
  ),
  model(
    "gemini-3-flash-preview",
    {
      version: "3-flash-preview-12-2025",
      displayName: "Gemini 3 Flash Preview",
      description:
        "Preview of the third-generation Flash model: quick, capable, thinks when it helps.",
    },
    MILLION,
    CHAT_METHODS,
    THINKS,
  ),
  model(
    "gemini-3.1-pro-preview",
    {
      version: "3.1-pro-preview-01-2026",
      displayName: "Gemini 3.1 Pro Preview",
      description: "Preview of the 3.1 Pro model with improved long-horizon planning.",
    },
    MILLION,
    CHAT_METHODS,
    THINKS,
  ),
  model(
    "gemini-3.1-pro-preview-customtools",
    {
      version: "3.1-pro-preview-01-2026",
      displayName: "Gemini 3.1 Pro Preview Custom Tools",
      description: "The 3.1 Pro preview tuned to prefer the functions a developer declares.",
    },
    MILLION,
    CHAT_METHODS,
    THINKS,
  ),
  model(
    "gemini-3.1-flash-lite-preview",
    {
      version: "3.1-flash-lite-preview-03-2026",
      displayName: "Gemini 3.1 Flash Lite Preview",
      description: "Preview of the lightest 3.1 model, for high-volume, low-latency work.",
    },
    MILLION,
    CHAT_METHODS,
    THINKS,
  ),
  model(
    "gemini-3.1-flash-lite",
    {
      version: "3.1-flash-lite-05-2026",
      displayName: "Gemini 3.1 Flash Lite",
      description: "Stable release of the lightest 3.1 model.",
    },
    MILLION,
    CHAT_METHODS,
    THINKS,
  ),
  model(
    "gemini-3.5-flash",
    {
      version: "3.5-flash-05-2026",
      displayName: "Gemini 3.5 Flash",
      description: "Current stable Flash model: multimodal, thinking, one-million-token context.",
    },
    MILLION,
    CHAT_METHODS,
    THINKS,
  ),
  model(
    "gemma-4-26b-a4b-it",
    {
      version: "001",
      displayName: "Gemma 4 26B A4B IT",
      description: "Open-weights Gemma 4 mixture-of-experts model, 4 billion parameters active.",
    },
    [262144, 32768],
    ["generateContent", "countTokens"],
    THINKS,
  ),
  model(
    "gemma-4-31b-it",
    {
      version: "001",
      displayName: "Gemma 4 31B IT",
      description: "Open-weights Gemma 4 model, 31 billion parameters, instruction-tuned.",
    },
    [262144, 32768],
    ["generateContent", "countTokens"],
    THINKS,
  ),
  model(
    "gemma-3-27b-it",
    {
      version: "001",
      displayName: "Gemma 3 27B",
      description: "Open-weights Gemma 3 model, 27 billion parameters, instruction-tuned.",
    },
    [131072, 8192],
    ["generateContent", "countTokens"],
    {},
  ),
  model(
    "gemma-3-12b-it",
    {
      version: "001",
      displayName: "Gemma 3 12B",
      description: "Open-weights Gemma 3 model, 12 billion parameters, instruction-tuned.",
    },
    [32768, 8192],
    ["generateContent", "countTokens"],
    {},
  ),
];
