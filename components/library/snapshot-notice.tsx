"use client";

import { Button } from "@/components/ui/button";
import { usePlayground } from "@/lib/store";

/**
 * Above a shared run's results: whose they are and when they were made, that opening them spent
 * nothing, and "Run again" to get fresh answers at the person's own cost.
 */
export function SnapshotNotice({ onRunAgain }: { onRunAgain: () => void }) {
  const shown = usePlayground((s) => s.snapshotShown);
  const dismiss = usePlayground((s) => s.dismissSnapshot);
  if (!shown) return null;
  return (
    <div
      role="note"
      aria-label="Shared run"
      className="flex flex-wrap items-center gap-3 border-b border-border bg-sidebar px-4 py-2 text-sm"
    >
      <span className="min-w-0 flex-1">
        {shown.author}&apos;s run from {new Date(shown.createdAt).toLocaleString()}, as they saw it:
        nothing was run to show it.
      </span>
      <Button
        variant="primary"
        size="sm"
        onClick={() => {
          dismiss();
          onRunAgain();
        }}
      >
        Run again
      </Button>
      <Button variant="ghost" size="sm" onClick={dismiss}>
        Dismiss
      </Button>
    </div>
  );
}
