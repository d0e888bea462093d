import type { Part } from "@/lib/prompt";

/** A turn's parts as one line of text for a summary: its words, and a word for anything else. */
export function partsText(parts: readonly Part[]): string {
  return parts
    .map((part) => {
      switch (part.kind) {
        case "text":
          return part.text;
        case "media":
          return `[${part.name ?? part.mimeType}]`;
        case "functionCall":
          return `[call ${part.name}]`;
        case "functionResponse":
          return `[response of ${part.name}]`;
        default:
          return "";
      }
    })
    .filter((text) => text !== "")
    .join(" ");
}
