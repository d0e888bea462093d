"use client";

import { type ComponentType, lazy, memo, Suspense } from "react";
import type { MarkdownRendererProps } from "./markdown-renderer";

/**
 * Markdown through Streamdown, loaded on demand with its highlighting and math plugins: it is
 * as large as the rest of the page, and a page with no answer yet shouldn't pay for it. Until it
 * arrives the text shows as plain text.
 *
 * Once loaded, the renderer is used directly rather than through React.lazy: a lazy component
 * suspends on its first render even when its module is already here, and React holds a revealed
 * Suspense boundary back for up to 300 ms — time a restored conversation would wait for nothing.
 */
let Renderer: ComponentType<MarkdownRendererProps> | null = null;
let loading: Promise<{ default: ComponentType<MarkdownRendererProps> }> | null = null;

function load() {
  loading ??= import("./markdown-renderer").then((module) => {
    Renderer = module.default;
    return module;
  });
  return loading;
}

const LazyRenderer = lazy(load);

/** Start fetching the renderer early (e.g. when the page is idle), so the first answer doesn't wait. */
export function preloadMarkdown(): void {
  void load();
}

interface MarkdownProps {
  text: string;
  /** While streaming, unterminated markdown (an open code fence, half a table) is completed. */
  streaming?: boolean;
}

export const Markdown = memo(function Markdown({ text, streaming = false }: MarkdownProps) {
  if (Renderer) return <Renderer text={text} streaming={streaming} />;
  return (
    <Suspense fallback={<div className="whitespace-pre-wrap break-words">{text}</div>}>
      <LazyRenderer text={text} streaming={streaming} />
    </Suspense>
  );
});
