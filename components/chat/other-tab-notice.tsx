"use client";

import { Button } from "@/components/ui/button";
import { usePlayground } from "@/lib/store";

/**
 * Another tab saved this prompt while this tab had changes of its own: both can't win, so the
 * person chooses. (A tab with nothing unsaved simply follows the other; see tab-sync-slice.ts.)
 */
export function OtherTabNotice() {
  const changed = usePlayground((s) => s.otherTabChanged);
  const resolve = usePlayground((s) => s.resolveOtherTab);
  if (!changed) return null;
  return (
    <div
      role="alert"
      className="flex shrink-0 flex-wrap items-center gap-x-4 gap-y-2 border-b border-warning-line bg-warning-soft px-4 py-2 text-sm text-warning"
    >
      <span className="min-w-0 flex-1">
        This prompt was also changed in another tab. Which version should stay?
      </span>
      <div className="flex gap-2">
        <Button size="sm" variant="secondary" onClick={() => resolve("theirs")}>
          Load the other tab&apos;s version
        </Button>
        <Button size="sm" variant="primary" onClick={() => resolve("mine")}>
          Keep this tab&apos;s version
        </Button>
      </div>
    </div>
  );
}
