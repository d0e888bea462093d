/** Hard limits on a prompt document. They keep a single request bounded long before Gemini's own limits. */
export const PROMPT_LIMITS = {
  modelIdChars: 120,
  titleChars: 200,
  systemInstructionChars: 500_000,
  turns: 2_000,
  partsPerTurn: 200,
  textChars: 2_000_000,
  /** Thought signatures on generated images can be about 1 MB of base64. */
  signatureChars: 4_000_000,
  stopSequences: 5,
  stopSequenceChars: 200,
  functionDeclarations: 128,
  safetySettings: 10,
  /** Distinct attached files in one prompt. */
  mediaFiles: 50,
} as const;
