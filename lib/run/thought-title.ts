/** A line that is bold and nothing else; bold inside a sentence is not a title. */
const TITLE = /^[ \t]*\*\*([^*\n]+)\*\*[ \t]*$/gm;

/**
 * The title of the latest thought summary. Gemini starts each summary with a bold line of its
 * own ("**Clarifying User Goals**\n\n…"); the folded thoughts header shows the newest one while
 * the model thinks, as AI Studio does. Null when the thoughts carry no title.
 */
export function latestThoughtTitle(text: string): string | null {
  let title: string | null = null;
  for (const match of text.matchAll(TITLE)) title = (match[1] as string).trim();
  return title;
}
