"use client";

import dynamic from "next/dynamic";

/**
 * CodeMirror is ~150 kB: it loads when an editor dialog first opens, never with the page.
 * The placeholder keeps the dialog from jumping while it arrives.
 */
export const LazyJsonEditor = dynamic(() => import("./json-editor").then((m) => m.JsonEditor), {
  ssr: false,
  loading: () => (
    <div className="grid h-72 place-items-center rounded-lg border border-border text-sm text-muted-foreground">
      Loading editor…
    </div>
  ),
});
