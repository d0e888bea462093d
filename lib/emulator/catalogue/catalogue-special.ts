/**
 * Models for one purpose: embeddings, attributed question answering, robotics, computer use and
 * the agents. Ids, versions, limits and methods as Google listed them on 2026-06-26 (the probe
 * capture 11 excerpts), descriptions in our own words. What they refuse is in model-rules.ts.
 */
import { type CatalogueModel, CHAT_METHODS, model, THINKS } from "./catalogue-entry";

const EMBED_METHODS = ["embedContent", "countTextTokens", "countTokens", "asyncBatchEmbedContent"];
const AGENT_LIMITS: [number, number] = [131072, 65536];
const GENERATE_ONLY = ["generateContent", "countTokens"];

function deepResearch(id: string, displayName: string, description: string): CatalogueModel {
  const basics = { version: "deepthink-exp-05-20", displayName, description };
  return model(id, basics, AGENT_LIMITS, GENERATE_ONLY, THINKS);
}

export const SPECIAL_MODELS: readonly CatalogueModel[] = [
  model(
    "gemini-robotics-er-1.5-preview",
    {
      version: "1.5-preview",
      displayName: "Gemini Robotics-ER 1.5 Preview",
      description: "Embodied reasoning for robots: pointing, planning and spatial questions.",
    },
    [1048576, 65536],
    GENERATE_ONLY,
    THINKS,
  ),
  model(
    "gemini-robotics-er-1.6-preview",
    {
      version: "1.6-preview",
      displayName: "Gemini Robotics-ER 1.6 Preview",
      description: "The next embodied-reasoning preview for robots.",
    },
    AGENT_LIMITS,
    CHAT_METHODS,
    THINKS,
  ),
  model(
    "gemini-2.5-computer-use-preview-10-2025",
    {
      version: "Gemini 2.5 Computer Use Preview 10-2025",
      displayName: "Gemini 2.5 Computer Use Preview 10-2025",
      description: "Operates a browser from screenshots; needs the Computer Use tool.",
    },
    AGENT_LIMITS,
    GENERATE_ONLY,
    THINKS,
  ),
  model(
    "antigravity-preview-05-2026",
    {
      version: "0.1",
      displayName: "Antigravity Agent Preview",
      description: "Preview of the Antigravity coding agent (05-2026).",
    },
    AGENT_LIMITS,
    GENERATE_ONLY,
  ),
  deepResearch(
    "deep-research-max-preview-04-2026",
    "Deep Research Max Preview (Apr-21-2026)",
    "The most thorough Deep Research agent (preview, April 2026).",
  ),
  deepResearch(
    "deep-research-preview-04-2026",
    "Deep Research Preview (Apr-21-2026)",
    "The Deep Research agent (preview, April 2026).",
  ),
  deepResearch(
    "deep-research-pro-preview-12-2025",
    "Deep Research Pro Preview (Dec-12-2025)",
    "The Deep Research Pro agent (preview, December 2025).",
  ),
  model(
    "gemini-embedding-001",
    {
      version: "001",
      displayName: "Gemini Embedding 001",
      description: "Maps text to a vector for search, clustering and similarity.",
    },
    [2048, 1],
    EMBED_METHODS,
  ),
  model(
    "gemini-embedding-2-preview",
    {
      version: "2",
      displayName: "Gemini Embedding 2 Preview",
      description: "Maps text, images and other media to one vector space (preview).",
    },
    [8192, 1],
    EMBED_METHODS,
  ),
  model(
    "gemini-embedding-2",
    {
      version: "2",
      displayName: "Gemini Embedding 2",
      description: "Maps text, images and other media to one vector space.",
    },
    [8192, 1],
    EMBED_METHODS,
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
];
