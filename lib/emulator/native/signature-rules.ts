/**
 * Gemini 3's check on thought signatures, as https://ai.google.dev/gemini-api/docs/thought-signatures
 * ("Signatures in function calling parts", "Validation") describes it: only the current turn is
 * checked, which starts at the most recent user content that holds something other than
 * functionResponse parts; every model content after it is one step, and the first functionCall
 * part of each step must carry its signature (parallel calls are signed on the first call only,
 * as in capture 03c). Earlier turns are not validated. Gemini 2.5 and older do not enforce this.
 * Gemini 3 Pro Image does not either (Vertex AI "Thought signatures" doc: "Gemini 3 Pro Image
 * doesn't return a 400 error if a thought signature isn't returned"); the emulator extends that to
 * its other Gemini 3 image models, which take no function calls anyway.
 */
import type { CatalogueModel } from "@/lib/emulator/catalogue/catalogue";
import { isImageModel } from "@/lib/emulator/media/output-kind";
import type { WireContent, WirePart } from "@/lib/emulator/types";
import { invalidArgument } from "@/lib/emulator/validation/errors";
import { verifySignature } from "./thought-signature";

/**
 * Google's wording, e.g. chatboxai/chatbox#3308, csells/dartantic#86,
 * lbjlaq/Antigravity-Manager#2157 (all "function call `default_api:NAME` , position 2" for a
 * [user, model call, user response] history). "position" reads as the 1-based index of the content
 * holding the call; that is inferred from those reports, not documented.
 */
export function missingSignatureMessage(name: string, position: number): string {
  return `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${name}\` , position ${position}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`;
}

/**
 * What Gemini answers a signature it cannot read (google-gemini/gemini-cli#13467,
 * charmbracelet/crush#1698: 400 INVALID_ARGUMENT "Corrupted thought signature."). That a
 * well-formed signature Google never issued gets the same words is unconfirmed.
 */
export const CORRUPTED_SIGNATURE_MESSAGE = "Corrupted thought signature.";

export function enforcesSignatures(model: CatalogueModel): boolean {
  return model.name.startsWith("models/gemini-3") && !isImageModel(model);
}

/** Index of the content that opens the current turn, or -1 when every content is the model's. */
export function currentTurnStart(contents: WireContent[]): number {
  for (let i = contents.length - 1; i >= 0; i--) {
    const content = contents[i];
    if (!content || content.role === "model") continue;
    if (content.parts.some((part) => part.functionResponse === undefined)) return i;
  }
  return -1;
}

export function checkThoughtSignatures(model: CatalogueModel, contents: WireContent[]): void {
  if (!enforcesSignatures(model)) return;
  for (let i = currentTurnStart(contents) + 1; i < contents.length; i++) {
    const content = contents[i];
    if (content?.role !== "model") continue;
    const calls = content.parts.filter((part) => part.functionCall !== undefined);
    const [first] = calls;
    if (!first) continue;
    if (!first.thoughtSignature) {
      throw invalidArgument(missingSignatureMessage(callName(first), i + 1));
    }
    for (const call of calls) {
      if (call.thoughtSignature && verifySignature(call.thoughtSignature) === "unknown") {
        throw invalidArgument(CORRUPTED_SIGNATURE_MESSAGE);
      }
    }
  }
}

function callName(part: WirePart): string {
  return part.functionCall?.name ?? "";
}
