import type { ComponentProps } from "react";

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
