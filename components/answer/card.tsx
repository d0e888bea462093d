import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * A labelled box for tool traffic (function calls, code, output): a group named by its title,
 * so "the Output of this answer" can be found by role and name.
 */
export function Card({
  title,
  detail,
  badge,
  label,
  children,
  className,
}: {
  title: string;
  /** Shown beside the title in monospace (a function's name, a language). */
  detail?: string;
  badge?: ReactNode;
  /** The accessible name, when it should say more than the title and detail. */
  label?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this is output.
    <div
      role="group"
      aria-label={label ?? (detail ? `${title} ${detail}` : title)}
      className={cn("overflow-hidden rounded-lg border border-border bg-background", className)}
    >
      <div className="flex items-center gap-2 border-b border-border bg-sidebar px-3 py-1.5 text-xs">
        <span className="font-medium text-muted-foreground">{title}</span>
        {detail && <span className="truncate font-mono text-foreground">{detail}</span>}
        {badge && <span className="ml-auto shrink-0">{badge}</span>}
      </div>
      {children}
    </div>
  );
}

export function Pre({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <pre
      className={cn(
        "max-h-96 overflow-auto px-3 py-2 font-mono text-[13px] leading-relaxed whitespace-pre-wrap break-words",
        className,
      )}
    >
      {children}
    </pre>
  );
}
