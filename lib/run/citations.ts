import { escapeHtml } from "@/lib/escape-html";
import { type RunGrounding, safeHttpUrl } from "./grounding";
import type { RunPart } from "./reducer";

/**
 * Citation markers for a grounded answer. Gemini places each supported span by UTF-8 *byte*
 * offsets into the answer's text (its text parts joined, thoughts excluded), while JavaScript
 * strings index UTF-16 code units: "°" is 2 bytes but 1 unit, "😀" 4 bytes but 2 units. Offsets
 * are therefore walked code point by code point, never used as string indices directly.
 *
 * Markers are added for display only: the turn stored in the conversation (and sent back to
 * Gemini) keeps the text exactly as the model wrote it.
 */

export function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * The UTF-16 index in `text` of UTF-8 byte offset `byteOffset`. An offset inside a character
 * (which Gemini should never send) moves to the end of that character; one past the end clamps.
 */
export function byteToCharIndex(text: string, byteOffset: number): number {
  let bytes = 0;
  let index = 0;
  while (index < text.length && bytes < byteOffset) {
    const codePoint = text.codePointAt(index) ?? 0;
    bytes += utf8Length(codePoint);
    index += codePoint > 0xffff ? 2 : 1;
  }
  return index;
}

/** Citation chunk numbers (1-based) to show at each byte offset, in ascending offset order. */
export function citationPoints(grounding: RunGrounding | undefined): [number, number[]][] {
  const byEnd = new Map<number, Set<number>>();
  for (const support of grounding?.groundingSupports ?? []) {
    const end = support.segment?.endIndex;
    const indices = support.groundingChunkIndices ?? [];
    if (end === undefined || end < 0 || indices.length === 0) continue;
    const set = byEnd.get(end) ?? new Set<number>();
    for (const i of indices) if (Number.isInteger(i) && i >= 0) set.add(i + 1);
    byEnd.set(end, set);
  }
  return [...byEnd.entries()]
    .sort(([a], [b]) => a - b)
    .map(([end, set]) => [end, [...set].sort((a, b) => a - b)]);
}

/**
 * Inline HTML rather than markdown link syntax: source URLs may hold spaces or parentheses
 * that would end a markdown link early. The markdown renderer sanitizes this like any other
 * HTML in an answer, so a hostile URI can't slip through here.
 */
export function citationMarker(numbers: number[], grounding: RunGrounding | undefined): string {
  const links = numbers.map((n) => {
    const source = grounding?.groundingChunks?.[n - 1];
    const web = source?.web ?? source?.retrievedContext;
    const href = safeHttpUrl(web?.uri);
    const title = escapeHtml(`Source ${n}${web?.title ? `: ${web.title}` : ""}`);
    return href ? `<a href="${escapeHtml(href)}" title="${title}">${n}</a>` : `${n}`;
  });
  return `<sup>${links.join(", ")}</sup>`;
}

/** The answer's parts with citation markers inserted after each supported span. */
export function withCitations(
  parts: readonly RunPart[],
  grounding: RunGrounding | undefined,
): readonly RunPart[] {
  const points = citationPoints(grounding);
  if (points.length === 0) return parts;
  let next = 0;
  let partStart = 0;
  return parts.map((part) => {
    if (part.kind !== "text" || next >= points.length) return part;
    const text = part.text;
    const partBytes = byteLength(text);
    const partEnd = partStart + partBytes;
    // A point at a boundary between two parts goes at the end of the earlier one.
    const inserts: [number, string][] = [];
    while (next < points.length) {
      const [end, numbers] = points[next] as [number, number[]];
      if (end > partEnd) break;
      inserts.push([byteToCharIndex(text, end - partStart), citationMarker(numbers, grounding)]);
      next += 1;
    }
    partStart = partEnd;
    if (inserts.length === 0) return part;
    let out = "";
    let from = 0;
    for (const [at, marker] of inserts) {
      out += text.slice(from, at) + marker;
      from = at;
    }
    return { ...part, text: out + text.slice(from) };
  });
}

function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i) ?? 0;
    bytes += utf8Length(codePoint);
    if (codePoint > 0xffff) i++;
  }
  return bytes;
}
