"use client";

import { useModelNotice, useRunSettingsActions } from "@/lib/store";

/** After a model change: which settings the new model couldn't take, and which were moved into range. */
export function ModelChangeNotice() {
  const notice = useModelNotice();
  const { dismissModelNotice } = useRunSettingsActions();
  if (!notice) return null;
  const adjusted = notice.adjusted.map((a) => `${a.name} to ${a.value.toLocaleString("en-US")}`);
  return (
    <div
      role="status"
      className="flex items-start gap-2 rounded-lg border border-warning-line bg-warning-soft px-3 py-2 text-xs text-warning"
    >
      <p className="flex-1">
        {notice.dropped.length > 0 && (
          <>
            Dropped for {notice.modelName}: {notice.dropped.join(", ")}.
          </>
        )}
        {notice.dropped.length > 0 && adjusted.length > 0 && " "}
        {adjusted.length > 0 && <>Adjusted: {adjusted.join(", ")}.</>}
      </p>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={dismissModelNotice}
        className="-mr-1 grid size-5 shrink-0 place-items-center rounded text-warning hover:bg-warning-line/50"
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
