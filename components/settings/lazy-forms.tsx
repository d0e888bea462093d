"use client";

import dynamic from "next/dynamic";

const loading = () => (
  <div className="grid h-80 place-items-center text-sm text-muted-foreground">Loading editor…</div>
);

/**
 * The editor dialogs' bodies carry CodeMirror and the validators (zod, @cfworker/json-schema):
 * they load the first time a dialog opens, not with the page.
 */
export const ResponseSchemaForm = dynamic(
  () => import("@/components/editors/response-schema-form").then((m) => m.ResponseSchemaForm),
  { ssr: false, loading },
);

export const FunctionDeclarationsForm = dynamic(
  () =>
    import("@/components/editors/function-declarations-form").then(
      (m) => m.FunctionDeclarationsForm,
    ),
  { ssr: false, loading },
);
