import type { Part } from "@/lib/prompt";
import type { InlineDataPart } from "./reducer";

/**
 * The subset of Gemini's `Part` JSON the playground reads. Declared here rather than taken from
 * the SDK because the wire carries fields the SDK's types lag behind on (e.g. `id` on
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
  /** Generated media the server stored, in place of its inlineData (see generated-media.ts). */
  media?: { sha256?: string; mimeType?: string; bytes?: number; name?: string };
}

type CodeOutcome = Extract<Part, { kind: "codeExecutionResult" }>["outcome"];
const OUTCOMES: ReadonlySet<string> = new Set<CodeOutcome>([
  "OUTCOME_OK",
  "OUTCOME_FAILED",
  "OUTCOME_DEADLINE_EXCEEDED",
  "OUTCOME_UNSPECIFIED",
]);

/** Map one wire part to the prompt document's kinds; parts the playground can't keep give null. */
export function toRunPart(wire: WirePart): Part | InlineDataPart | null {
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
  if (wire.inlineData?.data && wire.inlineData.mimeType) {
    const { mimeType, data } = wire.inlineData;
    return { kind: "inlineData", mimeType, data, ...signature };
  }
  if (wire.text !== undefined || wire.thoughtSignature !== undefined) {
    return { kind: wire.thought ? "thought" : "text", text: wire.text ?? "", ...signature };
  }
  return null;
}
