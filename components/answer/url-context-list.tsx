import { memo } from "react";
import { cn } from "@/lib/cn";
import { type RunUrlContext, safeHttpUrl, urlRetrieved, urlStatusLabel } from "@/lib/run/grounding";

/** The URLs the URL context tool fetched for this answer, and whether each one worked. */
export const UrlContextList = memo(function UrlContextList({
  context,
}: {
  context: RunUrlContext;
}) {
  const urls = context.urlMetadata ?? [];
  if (urls.length === 0) return null;
  return (
    <div className="flex flex-col gap-1.5 rounded-lg border border-border bg-sidebar px-3 py-2.5 text-sm">
      <h3 className="text-xs font-medium text-muted-foreground">URL context</h3>
      <ul aria-label="URL context" className="flex flex-col gap-1">
        {urls.map((entry, i) => {
          const href = safeHttpUrl(entry.retrievedUrl);
          const ok = urlRetrieved(entry.urlRetrievalStatus);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed once the run ends.
            <li key={i} className="flex min-w-0 items-center gap-2">
              {href ? (
                <a
                  href={href}
                  target="_blank"
                  rel="noopener noreferrer"
                  referrerPolicy="no-referrer"
                  className="min-w-0 truncate text-primary hover:underline"
                >
                  {entry.retrievedUrl}
                </a>
              ) : (
                <span className="min-w-0 truncate">{entry.retrievedUrl ?? "(no URL)"}</span>
              )}
              <span
                className={cn(
                  "ml-auto shrink-0 rounded-full px-2 py-0.5 text-xs font-medium",
                  ok ? "bg-success-soft text-success" : "bg-danger-soft text-danger",
                )}
              >
                {urlStatusLabel(entry.urlRetrievalStatus)}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
});
