import type { Content } from "@google/genai";

/**
 * The stand-in Google documents for a function call Gemini 3 never signed — one made by another
 * model (a conversation started on Gemini 2.5 with thinking off carries unsigned calls) or written
 * by hand. Gemini 3 validates the signatures of the current turn's calls and refuses a missing
 * one with 400; it accepts this value in its place.
 * https://ai.google.dev/gemini-api/docs/thought-signatures ("dummy signature")
 */
export const STAND_IN_SIGNATURE = "context_engineering_is_the_way_to_go";

/** Gemini 3 and later check signatures; 2.5 reads them but never refuses their absence. */
export function checksSignatures(model: string): boolean {
  const generation = /^(?:models\/)?gemini-(\d+(?:\.\d+)?)-/.exec(model)?.[1];
  return generation !== undefined && Number(generation) >= 3;
}

/**
 * The current turn's steps with a signature on the first call of each: the turn begins after the
 * last user content that is more than function responses, and in each model step only the first
 * of parallel calls carries one (the rest never do). Signed calls are left exactly as they are.
 */
export function signCurrentTurn(contents: Content[], model: string): Content[] {
  if (!checksSignatures(model)) return contents;
  const start = contents.findLastIndex(
    (c) => c.role === "user" && !(c.parts ?? []).every((p) => p.functionResponse),
  );
  return contents.map((content, index) => {
    if (index <= start || content.role !== "model") return content;
    const first = (content.parts ?? []).findIndex((p) => p.functionCall);
    const call = content.parts?.[first];
    if (!call || call.thoughtSignature) return content;
    const parts = (content.parts ?? []).with(first, {
      ...call,
      thoughtSignature: STAND_IN_SIGNATURE,
    });
    return { ...content, parts };
  });
}
