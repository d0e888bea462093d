import { byRelease } from "./release";

/**
 * Knowledge cutoffs as Google's model pages state them. The catalogue API doesn't carry them, so
 * they are kept here for the model card; a model missing from this list shows none rather than a
 * guess. Dated or numbered releases share their family's entry.
 */
const CUTOFFS: Readonly<Record<string, string>> = {
  "gemini-3-pro-preview": "January 2025",
  "gemini-3-flash-preview": "January 2025",
  "gemini-2.5-pro": "January 2025",
  "gemini-2.5-flash": "January 2025",
  "gemini-2.5-flash-lite": "January 2025",
  "gemini-2.0-flash": "August 2024",
  "gemini-2.0-flash-lite": "August 2024",
};

export function knowledgeCutoff(model: string): string | undefined {
  return byRelease(CUTOFFS, model);
}
