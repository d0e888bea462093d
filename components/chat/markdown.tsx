"use client";

import dynamic from "next/dynamic";
import { memo, Suspense } from "react";
import type { ControlsConfig } from "streamdown";

/**
 * Markdown through Streamdown, loaded on demand: it is as large as the rest of the page, and a
 * page with no answer yet shouldn't pay for it. Until it arrives the text shows as plain text.
 */
const Streamdown = dynamic(() => import("streamdown").then((m) => m.Streamdown));

/** Start fetching the renderer early (e.g. when the page is idle), so the first answer doesn't wait. */
export function preloadMarkdown(): void {
  void import("streamdown");
}

const CONTROLS: ControlsConfig = { code: true, table: true, mermaid: false, image: false };

interface MarkdownProps {
  text: string;
  /** While streaming, unterminated markdown (an open code fence, half a table) is completed. */
  streaming?: boolean;
}

export const Markdown = memo(function Markdown({ text, streaming = false }: MarkdownProps) {
  return (
    <Suspense fallback={<div className="whitespace-pre-wrap break-words">{text}</div>}>
      <Streamdown
        className="markdown-body space-y-3 break-words"
        mode={streaming ? "streaming" : "static"}
        parseIncompleteMarkdown={streaming}
        isAnimating={streaming}
        controls={CONTROLS}
      >
        {text}
      </Streamdown>
    </Suspense>
  );
});
