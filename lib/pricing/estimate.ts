import { type ModelPrice, priceFor } from "./prices";

/** The usage figures a cost depends on (Gemini's `usageMetadata`, enum values as strings). */
export interface BillableUsage {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  thoughtsTokenCount?: number;
  toolUsePromptTokenCount?: number;
  promptTokensDetails?: { modality?: string; tokenCount?: number }[];
  candidatesTokensDetails?: { modality?: string; tokenCount?: number }[];
}

const PER_TOKEN = 1 / 1_000_000;

function modalityTokens(details: BillableUsage["promptTokensDetails"], modality: string): number {
  return (details ?? [])
    .filter((d) => d.modality === modality)
    .reduce((sum, d) => sum + (d.tokenCount ?? 0), 0);
}

/**
 * Estimated USD cost of one generation at list prices, or null for a model without a known
 * price. Thinking tokens are billed as output; tool-use prompt tokens (search results, fetched
 * pages) as input. Audio input and image/audio output use their own rates where listed.
 */
export function estimateCost(model: string, usage: BillableUsage | undefined): number | null {
  const price = priceFor(model);
  if (!price || !usage) return null;
  const prompt = usage.promptTokenCount ?? 0;
  const rates = ratesFor(price, prompt);

  const audioIn = price.inputAudio ? modalityTokens(usage.promptTokensDetails, "AUDIO") : 0;
  const input =
    (prompt - audioIn + (usage.toolUsePromptTokenCount ?? 0)) * rates.input +
    audioIn * (price.inputAudio ?? rates.input);

  const candidates = usage.candidatesTokenCount ?? 0;
  const imageOut = price.outputImage ? modalityTokens(usage.candidatesTokensDetails, "IMAGE") : 0;
  const audioOut = price.outputAudio ? modalityTokens(usage.candidatesTokensDetails, "AUDIO") : 0;
  const textOut = Math.max(0, candidates - imageOut - audioOut) + (usage.thoughtsTokenCount ?? 0);
  const output =
    textOut * rates.output +
    imageOut * (price.outputImage ?? rates.output) +
    audioOut * (price.outputAudio ?? rates.output);

  return (input + output) * PER_TOKEN;
}

function ratesFor(price: ModelPrice, promptTokens: number): { input: number; output: number } {
  const long = price.longContext;
  return long && promptTokens > long.promptTokensAbove ? long : price;
}

/** "$0.0012": enough significant digits that a small run doesn't read as free. */
export function formatUsd(amount: number): string {
  if (amount === 0) return "$0";
  if (amount < 0.000001) return "<$0.000001";
  if (amount >= 1) return `$${amount.toFixed(2)}`;
  if (amount >= 0.01) return `$${amount.toFixed(3)}`;
  return `$${amount.toPrecision(2)}`;
}

/** A list rate per 1M tokens as Google writes it: "$0.30", "$0.075", "$1.50", "$9". */
export function formatRate(perMillion: number): string {
  if (perMillion < 1) return `$${perMillion.toFixed(3).replace(/0$/, "")}`;
  return `$${Number.isInteger(perMillion) ? perMillion : perMillion.toFixed(2)}`;
}
