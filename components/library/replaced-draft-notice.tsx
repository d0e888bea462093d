"use client";

import { Button } from "@/components/ui/button";
import { usePlayground } from "@/lib/store";

/**
 * Opening a shared prompt or a past run over unsaved work sets that work aside instead of
 * losing it: this bar offers it back until dismissed (or the page is left).
 */
export function ReplacedDraftNotice({ kind }: { kind: "chat" | "compare" }) {
  const replaced = usePlayground((s) => s.replacedDraft?.kind === kind);
  const restore = usePlayground((s) => s.restoreReplacedDraft);
  const dismiss = usePlayground((s) => s.dismissReplacedDraft);
  if (!replaced) return null;
  return (
    <div
      role="status"
      aria-label="Draft set aside"
      className="flex flex-wrap items-center gap-3 border-b border-border bg-sidebar px-4 py-2 text-sm"
    >
      <span className="min-w-0 flex-1">
        Your unsaved {kind === "chat" ? "draft" : "compare setup"} was set aside to open this. It is
        gone once you leave the page.
      </span>
      <Button variant="secondary" size="sm" onClick={restore}>
        Bring back my draft
      </Button>
      <Button variant="ghost" size="sm" onClick={dismiss}>
        Dismiss
      </Button>
    </div>
  );
}
