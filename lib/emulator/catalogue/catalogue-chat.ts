/**
 * Gemini and Gemma chat models: ids, versions and token limits as Google lists them (2026),
 * descriptions in our own words.
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
      version: "3.1-pro-preview-02-2026",
      displayName: "Gemini 3.1 Pro Preview",
      description: "Preview of the 3.1 Pro model with improved long-horizon planning.",
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
