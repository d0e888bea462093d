import type { ComponentProps } from "react";
import { formulaHtml } from "./formula-html";

type AnswerLinkProps = ComponentProps<"a"> & { node?: unknown };

/**
 * Links in an answer. By the time a link gets here its URL has passed the sanitizer and
 * rehype-harden (http, https or mailto only), so it renders as a real link — hover shows where
 * it goes, it can be opened in a tab or copied — but always into a new tab, with no opener and
 * no referrer, so the page a model pointed at learns nothing about this one and can't reach it.
 * A link whose URL was removed, or hasn't streamed in yet, is plain text.
 */
export function AnswerLink({ href, children, title, node: _node }: AnswerLinkProps) {
  if (!href || href.startsWith("streamdown:")) {
    return <span className="font-medium">{children}</span>;
  }
  return (
    <a
      href={href}
      title={title}
      target="_blank"
      rel="noopener noreferrer nofollow"
      referrerPolicy="no-referrer"
      className="wrap-anywhere font-medium text-primary underline underline-offset-2"
    >
      {children}
    </a>
  );
}

type SupProps = ComponentProps<"sup"> & { node?: unknown };

/** Superscripts; citation markers (links to grounding sources) inside them render as small chips. */
export function Sup({ children, node: _node }: SupProps) {
  return (
    <sup className="ml-0.5 [&_a]:rounded [&_a]:bg-primary/10 [&_a]:px-1 [&_a]:text-[0.72em] [&_a]:no-underline [&_a]:hover:bg-primary/20">
      {children}
    </sup>
  );
}

type SpanProps = ComponentProps<"span"> & { node?: unknown };

/**
 * Spans; a formula (katex-cache.ts) is one, with KaTeX's markup inside. `display: contents`, so
 * the page lays out KaTeX's own elements exactly as if they stood in its place.
 */
export function Span({ node, ...props }: SpanProps) {
  const html = formulaHtml(node);
  if (html === undefined) return <span {...props} />;
  // KaTeX's output, made from the TeX with untrusted commands (\href, \htmlClass…) refused;
  // the answer's own HTML never reaches here (formula-html.ts).
  // biome-ignore lint/security/noDangerouslySetInnerHtml: see above.
  return <span className="contents" dangerouslySetInnerHTML={{ __html: html }} />;
}
