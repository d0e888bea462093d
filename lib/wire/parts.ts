import type { Part as SdkPart } from "@google/genai";
import type { MediaPart, Part } from "@/lib/prompt";

/**
 * Both directions of the part mapping: a prompt document's parts to Gemini's `Part` JSON, and
 * the parts of a response back to the document's kinds.
 *
 * Thought signatures, the one set of rules:
 * - Gemini attaches an opaque `thoughtSignature` to text, thoughts, function calls, code and
 *   images alike, and Gemini 3 refuses a conversation whose earlier calls come back without
 *   theirs. Every document part except a function response therefore keeps the signature it
 *   arrived with, and it is sent back verbatim on its own part.
 * - Gemini rejects empty text, but the final part of an answer is sometimes an empty text that
 *   only carries a signature: that one must go back too.
 * - A call Gemini 3 never signed (made by another model, or by hand) gets the documented stand-in
 *   when it is in the current turn, where Gemini 3 checks (`signatures.ts`).
 * - While streaming, text arrives as deltas of one part. A delta carrying a signature starts a
 *   part of its own (a signed part is never merged into an unsigned one); unsigned deltas after
 *   it continue it (`lib/run/reducer.ts` folds them so).
 */

export type ResolvedMedia = Pick<SdkPart, "inlineData" | "fileData">;
/** How the caller sends each stored file: inline bytes or a Files API URI (lib/gemini/media.ts). */
export type MediaLookup = (part: MediaPart) => ResolvedMedia;

/**
 * The subset of Gemini's response `Part` JSON the playground reads. Declared here rather than
 * taken from the SDK because the wire carries fields the SDK's types lag behind on (e.g. `id` on
 * executableCode in Gemini 3), and enum values are read as plain strings.
 */
export interface WirePart {
  text?: string;
  thought?: boolean;
  thoughtSignature?: string;
  functionCall?: { id?: string; name?: string; args?: Record<string, unknown> };
  executableCode?: { id?: string; language?: string; code?: string };
  codeExecutionResult?: { id?: string; outcome?: string; output?: string };
  inlineData?: { mimeType?: string; data?: string };
  /**
   * Generated media the server stored, in place of its `inlineData`: the server never forwards
   * base64 to the browser (lib/gemini/generated-media.ts), so this is how images and speech
   * reach a document.
   */
  media?: { sha256?: string; mimeType?: string; bytes?: number; name?: string };
}

/** One document part as Gemini reads it; a part with nothing to send gives none. */
export function toWirePart(part: Part, media: MediaLookup): SdkPart[] {
  const signature = "thoughtSignature" in part && part.thoughtSignature;
  const withSignature = (p: SdkPart): SdkPart[] => [
    signature ? { ...p, thoughtSignature: signature } : p,
  ];
  switch (part.kind) {
    case "text":
      return part.text || signature ? withSignature({ text: part.text }) : [];
    case "thought":
      return withSignature({ text: part.text, thought: true });
    case "media":
      return withSignature(media(part));
    case "functionCall":
      return withSignature({
        functionCall: { ...(part.id && { id: part.id }), name: part.name, args: part.args },
      });
    case "functionResponse":
      return [
        {
          functionResponse: {
            ...(part.id && { id: part.id }),
            name: part.name,
            response: part.response,
          },
        },
      ];
    case "executableCode":
      return withSignature({
        executableCode: {
          ...(part.id && { id: part.id }),
          language: part.language as never,
          code: part.code,
        },
      });
    case "codeExecutionResult":
      return withSignature({
        codeExecutionResult: {
          ...(part.id && { id: part.id }),
          outcome: part.outcome as never,
          ...(part.output !== undefined && { output: part.output }),
        },
      });
  }
}

type CodeOutcome = Extract<Part, { kind: "codeExecutionResult" }>["outcome"];
const OUTCOMES: ReadonlySet<string> = new Set<CodeOutcome>([
  "OUTCOME_OK",
  "OUTCOME_FAILED",
  "OUTCOME_DEADLINE_EXCEEDED",
  "OUTCOME_UNSPECIFIED",
]);

/**
 * One response part as a document part; parts the playground can't keep give null. Raw
 * `inlineData` is one of them: a document references media by hash, so only stored media
 * (`media`) becomes a part.
 */
export function fromWirePart(wire: WirePart): Part | null {
  const signature =
    wire.thoughtSignature !== undefined ? { thoughtSignature: wire.thoughtSignature } : {};
  if (wire.functionCall?.name) {
    const { id, name, args } = wire.functionCall;
    return { kind: "functionCall", ...(id ? { id } : {}), name, args: args ?? {}, ...signature };
  }
  if (wire.executableCode) {
    const { id, language, code } = wire.executableCode;
    return {
      kind: "executableCode",
      ...(id ? { id } : {}),
      language: language === "PYTHON" ? "PYTHON" : "LANGUAGE_UNSPECIFIED",
      code: code ?? "",
      ...signature,
    };
  }
  if (wire.codeExecutionResult) {
    const { id, outcome, output } = wire.codeExecutionResult;
    return {
      kind: "codeExecutionResult",
      ...(id ? { id } : {}),
      outcome: outcome && OUTCOMES.has(outcome) ? (outcome as CodeOutcome) : "OUTCOME_UNSPECIFIED",
      ...(output !== undefined ? { output } : {}),
      ...signature,
    };
  }
  if (wire.media?.sha256 && wire.media.mimeType) {
    const { sha256, mimeType, bytes, name } = wire.media;
    return {
      kind: "media",
      sha256,
      mimeType,
      ...(bytes !== undefined ? { bytes } : {}),
      ...(name ? { name } : {}),
      ...signature,
    };
  }
  if (wire.inlineData) return null;
  if (wire.text !== undefined || wire.thoughtSignature !== undefined) {
    return { kind: wire.thought ? "thought" : "text", text: wire.text ?? "", ...signature };
  }
  return null;
}
