import { byRelease } from "@/lib/models/release";

/**
 * List prices of the Gemini API's paid tier, in USD per 1M tokens, as Google published them
 * (ai.google.dev/gemini-api/docs/pricing, standard — not batch — rates). They change; the UI
 * labels every figure derived from them "est.". Context-cache discounts are not modelled.
 *
 * `input`/`output` are the text rates. Output includes thinking tokens, which Google bills as
 * output. Modality rates apply to the tokens the usage metadata attributes to that modality.
 */
export interface PriceTier {
  input: number;
  output: number;
}

export interface ModelPrice extends PriceTier {
  inputAudio?: number;
  outputImage?: number;
  outputAudio?: number;
  /** Prompts longer than `promptTokensAbove` are billed at these rates instead. */
  longContext?: PriceTier & { promptTokensAbove: number };
}

const LONG_200K = (input: number, output: number) => ({
  promptTokensAbove: 200_000,
  input,
  output,
});

export const PRICES: Readonly<Record<string, ModelPrice>> = {
  "gemini-3.5-flash": { input: 1.5, output: 9 },
  "gemini-3.1-pro-preview": { input: 2, output: 12, longContext: LONG_200K(4, 18) },
  "gemini-3-pro-preview": { input: 2, output: 12, longContext: LONG_200K(4, 18) },
  "gemini-3-flash-preview": { input: 0.5, output: 3, inputAudio: 1 },
  "gemini-2.5-pro": { input: 1.25, output: 10, longContext: LONG_200K(2.5, 15) },
  "gemini-2.5-flash": { input: 0.3, output: 2.5, inputAudio: 1 },
  "gemini-2.5-flash-lite": { input: 0.1, output: 0.4, inputAudio: 0.3 },
  "gemini-2.0-flash": { input: 0.1, output: 0.4, inputAudio: 0.7 },
  "gemini-2.0-flash-lite": { input: 0.075, output: 0.3 },
  // Image models: images out are billed per token at the image rate (about 1,290 tokens each).
  "gemini-2.5-flash-image": { input: 0.3, output: 2.5, outputImage: 30 },
  "gemini-3-pro-image-preview": { input: 2, output: 12, outputImage: 120 },
  "gemini-3.1-flash-image-preview": { input: 0.5, output: 3, outputImage: 60 },
  // Speech models: text in, audio out.
  "gemini-2.5-flash-preview-tts": { input: 0.5, output: 10, outputAudio: 10 },
  "gemini-2.5-pro-preview-tts": { input: 1, output: 20, outputAudio: 20 },
};

/** A model's list price; dated or numbered releases cost what their family costs. */
export function priceFor(model: string): ModelPrice | undefined {
  return byRelease(PRICES, model);
}
