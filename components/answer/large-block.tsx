"use client";

import { type ClipboardEvent, memo, type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";

/** Characters per text node: only the last one changes while the block grows. */
const SLICE_CHARS = 4_096;

interface LargeBlockProps {
  text: string;
  /** Still growing: it can't be formatted yet. */
  live: boolean;
  /** The block through the markdown renderer, once the person asks for it. */
  formatted: (text: string) => ReactNode;
}

/**
 * A block too long to format on every update (block-plan.ts), shown as its exact source text,
 * so nothing the model sent is lost or changed in what the person reads, selects or copies.
 * Once complete it can be formatted on request: that render is one long task, at a time the
 * person chose, rather than one on every chunk.
 */
export const LargeBlock = memo(function LargeBlock({ text, live, formatted }: LargeBlockProps) {
  const [wantFormatted, setWantFormatted] = useState(false);
  if (wantFormatted && !live) return formatted(text);
  const size = text.length.toLocaleString("en");
  return (
    <figure className="overflow-hidden rounded-lg border border-border">
      <figcaption className="flex items-center gap-2 border-b border-border bg-sidebar px-3 py-1 text-xs text-muted-foreground">
        <span>
          {live
            ? `Long block (${size} characters so far), shown as plain text while it arrives`
            : `Long block (${size} characters), shown as plain text`}
        </span>
        {!live && (
          <Button
            size="sm"
            variant="ghost"
            className="ml-auto h-6 px-2 text-xs"
            onClick={() => setWantFormatted(true)}
          >
            Show formatted
          </Button>
        )}
      </figcaption>
      {/* Own layout and paint: a change inside never re-lays-out the page around it. */}
      <div
        className="max-h-[36rem] overflow-auto px-3 py-2 font-mono text-[13px] leading-relaxed [contain:content]"
        onCopy={(event) => copyExactly(event, text)}
      >
        {slices(text).map(([at, slice]) => (
          <Slice key={at} at={at} text={slice} />
        ))}
      </div>
    </figure>
  );
});

/**
 * A block-level box per slice: the browser lays out text a box at a time, so appending to the
 * last slice re-lays-out only that one (a single box of 200,000 characters took ~20 ms a chunk).
 */
const Slice = memo(function Slice({ at, text }: { at: number; text: string }) {
  return (
    <div data-at={at} className="whitespace-pre-wrap [overflow-wrap:anywhere]">
      {text}
    </div>
  );
});

/**
 * Slices of at most SLICE_CHARS, ending after a line break where there is one, so a slice is
 * whole lines and looks like the text unsliced. Each cut depends only on the characters before
 * it, so every slice but the last is the same string on the next update.
 */
function slices(text: string): [number, string][] {
  const out: [number, string][] = [];
  let at = 0;
  while (at < text.length) {
    let end = text.length;
    if (text.length - at > SLICE_CHARS) {
      const newline = text.lastIndexOf("\n", at + SLICE_CHARS - 1);
      end = newline >= at ? newline + 1 : at + SLICE_CHARS;
      // Never between the halves of a surrogate pair.
      const code = text.charCodeAt(end - 1);
      if (code >= 0xd800 && code <= 0xdbff) end -= 1;
    }
    out.push([at, text.slice(at, end)]);
    at = end;
  }
  return out;
}

/**
 * A line longer than a slice is cut across boxes, and the browser would copy each cut as a line
 * break: a selection inside the block is copied from the source text instead, exactly.
 */
function copyExactly(event: ClipboardEvent<HTMLDivElement>, text: string): void {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return;
  const range = selection.getRangeAt(0);
  const box = event.currentTarget;
  const start = sourceOffset(box, text, range.startContainer, range.startOffset);
  const end = sourceOffset(box, text, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return;
  event.preventDefault();
  event.clipboardData.setData("text/plain", text.slice(start, end));
}

/**
 * Where a DOM position inside the block falls in the source text; null outside it. A position
 * is in a slice's text, or between the children of a slice (0: its start) or of the box around
 * the slices (selecting the whole box puts it there).
 */
function sourceOffset(box: HTMLElement, text: string, node: Node, offset: number): number | null {
  if (node === box) {
    const slice = box.children[offset] as HTMLElement | undefined;
    return slice ? Number(slice.dataset.at) : text.length;
  }
  const slice = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node) as Element | null;
  const at = slice?.getAttribute("data-at");
  if (!slice || at == null || !box.contains(slice)) return null;
  const within =
    node.nodeType === Node.TEXT_NODE ? offset : offset === 0 ? 0 : (slice.textContent?.length ?? 0);
  return Number(at) + within;
}
