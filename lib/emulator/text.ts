/** Reading text out of wire contents, shared by echo, directives and the log. */
import type { WireContent } from "./types";

/** Text parts joined by newlines; thought parts are the model's, not the person's, so skipped. */
export function contentText(content: WireContent | undefined): string {
  if (!content) return "";
  return content.parts
    .filter((part) => typeof part.text === "string" && !part.thought)
    .map((part) => part.text)
    .join("\n");
}

/** The turn a person just wrote: the last one not spoken by the model. */
export function lastUserContent(contents: WireContent[]): WireContent | undefined {
  for (let i = contents.length - 1; i >= 0; i--) {
    const content = contents[i];
    if (content && content.role !== "model") return content;
  }
  return undefined;
}

/** Cuts at `length` UTF-16 units without splitting a surrogate pair. */
export function sliceSafe(text: string, length: number): string {
  if (length >= text.length) return text;
  const code = text.charCodeAt(length - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? length - 1 : length;
  return text.slice(0, Math.max(0, end));
}

/** One line, at most `max` characters, with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${sliceSafe(flat, max)}…` : flat;
}
