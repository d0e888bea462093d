import { memo, useMemo } from "react";
import { groundingSources, type RunGrounding } from "@/lib/run/grounding";

/**
 * What Google Search grounding adds under an answer: the numbered sources its citation markers
 * refer to, the queries it ran, and Google's search suggestions.
 */
export const GroundingSources = memo(function GroundingSources({
  grounding,
}: {
  grounding: RunGrounding;
}) {
  const sources = useMemo(() => groundingSources(grounding), [grounding]);
  const queries = grounding.webSearchQueries ?? [];
  const suggestions = grounding.searchEntryPoint?.renderedContent;
  if (sources.length === 0 && queries.length === 0 && !suggestions) return null;
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-border bg-sidebar px-3 py-2.5 text-sm">
      {sources.length > 0 && (
        <>
          <h3 className="text-xs font-medium text-muted-foreground">Sources</h3>
          <ol aria-label="Sources" className="flex flex-col gap-1">
            {sources.map((source) => (
              <li key={source.number} className="flex min-w-0 items-baseline gap-2">
                <span className="shrink-0 rounded bg-muted px-1.5 text-xs tabular-nums text-muted-foreground">
                  {source.number}
                </span>
                {source.href ? (
                  <a
                    href={source.href}
                    target="_blank"
                    rel="noopener noreferrer"
                    referrerPolicy="no-referrer"
                    className="min-w-0 truncate text-primary hover:underline"
                  >
                    {source.title}
                  </a>
                ) : (
                  <span className="min-w-0 truncate">{source.title}</span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {queries.length > 0 && (
        <p className="text-xs text-muted-foreground">
          Searched for: {queries.map((q) => `“${q}”`).join(", ")}
        </p>
      )}
      {suggestions && <SearchSuggestions html={suggestions} />}
    </div>
  );
});

/**
 * Google requires its search suggestions be shown exactly as sent, HTML and CSS included. The
 * HTML is not ours to trust, so it lives in a sandboxed frame: no scripts, no same-origin access
 * to this page, no forms, no top-level navigation. Only popups are allowed, so a suggestion chip
 * opens Google Search in a new tab as the terms intend (Google refuses to load inside a frame).
 */
function SearchSuggestions({ html }: { html: string }) {
  const srcDoc = `<!doctype html><base target="_blank"><style>body{margin:0}</style>${html}`;
  return (
    <iframe
      title="Google Search suggestions"
      srcDoc={srcDoc}
      sandbox="allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      loading="lazy"
      className="h-14 w-full border-0"
    />
  );
}
