import type { RunPart } from "./reducer";

/**
 * How an answer is laid out on screen. Adjacent text parts render as one markdown document:
 * a thought signature may split the text into parts mid-sentence (or mid-table), and rendering
 * them separately would break the formatting. Thoughts fold into one block likewise.
 */
export type Segment =
  | { kind: "markdown"; key: string; text: string }
  | { kind: "thoughts"; key: string; text: string }
  | { kind: "part"; key: string; part: Exclude<RunPart, { kind: "text" | "thought" }> };

export function toSegments(parts: readonly RunPart[]): Segment[] {
  const segments: Segment[] = [];
  parts.forEach((part, index) => {
    const last = segments[segments.length - 1];
    if (part.kind === "text" || part.kind === "thought") {
      const kind = part.kind === "text" ? "markdown" : "thoughts";
      if (last?.kind === kind) last.text += part.text;
      else segments.push({ kind, key: `${kind}-${index}`, text: part.text });
      return;
    }
    segments.push({ kind: "part", key: `${part.kind}-${index}`, part });
  });
  // Signature-only parts leave empty text segments behind; there is nothing to show for them.
  return segments.filter((s) => s.kind === "part" || s.text !== "");
}
