/**
 * What a model accepts beyond thinking (thinking-rules.ts): penalties, several candidates, and the
 * built-in tools that only some models have. The catalogue has no field for these, so, like
 * Google's own refusals, they follow the model family; each rule names where it comes from.
 */
import type { CatalogueModel } from "./catalogue-entry";

function idOf(model: CatalogueModel): string {
  return model.name.slice("models/".length);
}

/** The `-latest` aliases answer with 2.5 rules here, as thinking-rules.ts treats them. */
const LATEST_ALIASES = new Set([
  "gemini-flash-latest",
  "gemini-flash-lite-latest",
  "gemini-pro-latest",
]);

/** Gemini chat models (not image, speech, embedding, robotics or computer-use ones). */
function geminiChat(id: string): boolean {
  if (LATEST_ALIASES.has(id)) return true;
  return /^gemini-\d+(\.\d+)?-(pro|flash)/.test(id) && !/image|tts|computer-use|audio/.test(id);
}

function generation(id: string): number | undefined {
  if (LATEST_ALIASES.has(id)) return 2.5;
  const match = /^gemini-(\d+(?:\.\d+)?)-/.exec(id);
  return match ? Number(match[1]) : undefined;
}

/**
 * presencePenalty / frequencyPenalty: Gemini 2.0 Flash takes them (a Google engineer on the
 * developer forum, "Doom Loop - Frequency Penalty - 2.5 Flash", cited in google-gemini/cookbook#1290;
 * PublicAffairs/openai-gemini#63), every later Gemini refuses a non-zero value: capture
 * 10c-error-400-invalid-argument.json (gemini-2.5-flash), vercel/ai#8943 (2.5 Pro and Flash),
 * google-gemini/cookbook#1290 (2026, "every tested model"). Gemma and other families: no evidence,
 * so they keep accepting them, as the playground offers them there.
 */
export function penaltiesEnabled(model: CatalogueModel): boolean {
  const id = idOf(model);
  if (!id.startsWith("gemini-") && !id.startsWith("nano-banana")) return true;
  return generation(id) === 2 && geminiChat(id);
}

/** Capture 10c. cookbook#1290 quotes "Penalty is not enabled for this model" from another path. */
export function penaltyRefusal(model: CatalogueModel): string {
  return `Penalty is not enabled for ${model.name}`;
}

/**
 * Whether `candidateCount` may exceed 1: yes on the 2.0 and 2.5 chat models (up to 8: Vertex AI's
 * documented range, router-for-me/CLIProxyAPI#879 measured 8 on 2.5 through the Gemini API; the
 * range itself is checked with the other field ranges); no on Gemini 3, which answers "Multiple
 * candidates is not enabled for this model" (googleapis/python-genai#1723, googleapis/js-genai#1609,
 * 2025-11 to 2026-05), nor on image models (CLIProxyAPI#879: "all Gemini image models 1", wording
 * unconfirmed). Speech, Gemma and the special-purpose models are not documented either way; the
 * emulator gives them one candidate too.
 */
export function multipleCandidates(model: CatalogueModel): boolean {
  const id = idOf(model);
  const gen = generation(id);
  return geminiChat(id) && gen !== undefined && gen < 3;
}

export const MULTIPLE_CANDIDATES_REFUSAL = "Multiple candidates is not enabled for this model";

/**
 * Grounding with Google Maps: Gemini 2.0 Flash ("Grounding with Google Maps: supported" on its
 * model page), the 2.5 family and Gemini 3 (https://ai.google.dev/gemini-api/docs/maps-grounding
 * examples use 2.5 Flash-Lite, 3 Flash Preview and 3.5 Flash; Firebase AI Logic's list adds 3.1
 * Pro Preview and 3.1 Flash-Lite). Image, speech and other models are assumed not to.
 */
export function supportsGoogleMaps(model: CatalogueModel): boolean {
  return geminiChat(idOf(model));
}

/**
 * Computer Use: the dedicated gemini-2.5-computer-use-preview-10-2025 model, and Gemini 3 chat
 * models (https://ai.google.dev/gemini-api/docs/computer-use: "Gemini 3.x models support"
 * browser, mobile and desktop environments; Google's "Introducing computer use in Gemini 3.5
 * Flash", 2026-06-24). Gemini 2.x chat models do not have it.
 */
export function supportsComputerUse(model: CatalogueModel): boolean {
  const id = idOf(model);
  if (id.startsWith("gemini-2.5-computer-use")) return true;
  const gen = generation(id);
  return geminiChat(id) && gen !== undefined && gen >= 3;
}

/**
 * The computer-use model refuses a request without its tool: "This model requires the use of the
 * Computer Use tool. See https://ai.google.dev/gemini-api/docs/computer-use#send-request for
 * instructions on adding the tool." (langchain-ai/langchain-google#1243 and #1414,
 * browseros-ai/BrowserOS#148, 400 INVALID_ARGUMENT).
 */
export function requiresComputerUse(model: CatalogueModel): boolean {
  return idOf(model).startsWith("gemini-2.5-computer-use");
}

/**
 * The Deep Research agents run only behind the Interactions API; generateContent is refused with
 * 400 "This model only supports Interactions API" (a public probe of every listed model,
 * 2026-08-13, quoting Google's first sentence; anything after it is unconfirmed).
 */
export function interactionsOnly(model: CatalogueModel): boolean {
  return idOf(model).startsWith("deep-research-");
}
