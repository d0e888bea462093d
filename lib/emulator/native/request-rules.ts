/**
 * The per-model rules a generateContent request meets before anything is generated, with the
 * refusals Google sends: penalties, candidate counts, the tools a model lacks, a cache or a File
 * Search store that does not exist, and Gemini 3's thought signatures (signature-rules.ts). Field
 * types and ranges are checked earlier, by the request validation; these are the rules that need
 * the model or the emulator's state to decide.
 */
import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue";
import {
  interactionsOnly,
  MULTIPLE_CANDIDATES_REFUSAL,
  multipleCandidates,
  penaltiesEnabled,
  penaltyRefusal,
  requiresComputerUse,
  supportsComputerUse,
  supportsGoogleMaps,
} from "@/lib/emulator/catalogue/model-rules";
import { isSchemaObject } from "@/lib/emulator/schema/schema-node";
import type { GenerateRequest, JsonObject, JsonValue } from "@/lib/emulator/types";
import { EmulatorApiError, invalidArgument } from "@/lib/emulator/validation/errors";
import { checkThoughtSignatures } from "./signature-rules";

export function checkRequestRules(
  request: GenerateRequest,
  model: CatalogueModel,
  body: JsonObject,
): void {
  if (interactionsOnly(model)) throw invalidArgument("This model only supports Interactions API.");
  checkPenalties(request, model);
  checkCandidateCount(request, model);
  checkTools(request, model);
  checkCachedContent(body.cachedContent);
  checkThoughtSignatures(model, request.contents);
}

/** How many candidates the request asks for; proto3 reads 0 as unset, which means 1. */
export function candidatesAsked(request: GenerateRequest): number {
  const count = request.generationConfig.candidateCount;
  return typeof count === "number" && count > 1 ? Math.floor(count) : 1;
}

function checkPenalties(request: GenerateRequest, model: CatalogueModel): void {
  const { presencePenalty, frequencyPenalty } = request.generationConfig;
  // Zero is the proto3 default and passes unchecked (google-gemini/cookbook#1290).
  const asked = [presencePenalty, frequencyPenalty].some((p) => typeof p === "number" && p !== 0);
  if (asked && !penaltiesEnabled(model)) throw invalidArgument(penaltyRefusal(model));
}

function checkCandidateCount(request: GenerateRequest, model: CatalogueModel): void {
  if (candidatesAsked(request) > 1 && !multipleCandidates(model)) {
    throw invalidArgument(MULTIPLE_CANDIDATES_REFUSAL);
  }
}

function toolKeys(request: GenerateRequest): Map<string, JsonValue> {
  const keys = new Map<string, JsonValue>();
  for (const tool of request.tools ?? []) {
    if (!isSchemaObject(tool)) continue;
    for (const [key, value] of Object.entries(tool)) keys.set(key, value ?? null);
  }
  return keys;
}

function checkTools(request: GenerateRequest, model: CatalogueModel): void {
  const tools = toolKeys(request);
  if (tools.has("googleMaps")) {
    // Unconfirmed wording, in the voice of Google's other "… is not enabled for this model".
    if (!supportsGoogleMaps(model)) {
      throw invalidArgument("Google Maps grounding is not enabled for this model");
    }
    // BerriAI/litellm#29451 (gemini-3.1-flash-lite, 2026-06), 400 INVALID_ARGUMENT.
    if (request.generationConfig.responseMimeType === "application/json") {
      throw invalidArgument(
        "Google Maps tool with a response mime type: 'application/json' is unsupported",
      );
    }
  }
  if (tools.has("computerUse") && !supportsComputerUse(model)) {
    // Unconfirmed wording: no public report of this refusal was found.
    throw invalidArgument("Computer Use is not enabled for this model");
  }
  if (!tools.has("computerUse") && requiresComputerUse(model)) {
    throw invalidArgument(
      "This model requires the use of the Computer Use tool. See https://ai.google.dev/gemini-api/docs/computer-use#send-request for instructions on adding the tool.",
    );
  }
  const fileSearch = tools.get("fileSearch");
  if (fileSearch !== undefined) checkFileSearch(fileSearch);
}

/**
 * The emulator keeps no File Search stores (it does not serve fileSearchStores.*), so every store
 * a request names is missing. Google's answer to a missing store is unconfirmed; this is the
 * Files API's answer to a missing file (validation/errors.ts `fileAccessDenied`), applied to the
 * store.
 */
function checkFileSearch(tool: JsonValue): void {
  const names = isSchemaObject(tool) ? tool.fileSearchStoreNames : undefined;
  const [name] = Array.isArray(names) ? names : [];
  if (typeof name !== "string") return;
  const store = name.startsWith("fileSearchStores/") ? name : `fileSearchStores/${name}`;
  throw new EmulatorApiError(
    403,
    `You do not have permission to access the FileSearchStore ${store} or it may not exist.`,
  );
}

/**
 * No caches exist here either (cachedContents.* is not served). Google answers a cache that is
 * gone or someone else's with 403 PERMISSION_DENIED "CachedContent not found (or permission
 * denied)": the text and status public clients match to rebuild an expired cache (found by code
 * search in several repositories' retry handlers and their tests, 2026). No issue thread quoting
 * the whole body was found, so the envelope around the message is inferred.
 */
function checkCachedContent(value: JsonValue | undefined): void {
  if (typeof value !== "string" || value === "") return;
  throw new EmulatorApiError(403, "CachedContent not found (or permission denied)");
}
