"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { checkResponseSchemaText } from "@/lib/schema-editor/checks";
import { pretty, SCHEMA_TEMPLATES } from "@/lib/schema-editor/templates";
import { CheckedJsonEditor } from "./checked-json-editor";

type StructuredMime = "application/json" | "text/x.enum";

export interface ResponseSchemaFormProps {
  schema: Record<string, unknown> | undefined;
  mimeType: StructuredMime;
  /** Called only with a schema that passed every check (`undefined`: JSON without a schema). */
  onSave: (schema: Record<string, unknown> | undefined, mimeType: StructuredMime) => void;
  onCancel: () => void;
}

/**
 * The response schema editor: templates, JSON Schema checked as you type, Save only when valid.
 * Lazy-loaded with the dialog, so the validators (zod, @cfworker/json-schema) stay out of the page.
 */
export function ResponseSchemaForm({
  schema,
  mimeType,
  onSave,
  onCancel,
}: ResponseSchemaFormProps) {
  const [text, setText] = useState(() => (schema ? pretty(schema) : ""));
  const [mime, setMime] = useState<StructuredMime>(mimeType);
  const check = useMemo(() => checkResponseSchemaText(text), [text]);
  const issues = check.ok ? [] : check.issues;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="mr-1 text-xs text-muted-foreground">Start from</span>
        {SCHEMA_TEMPLATES.map((t) => (
          <Button
            key={t.name}
            size="sm"
            className="h-7 px-2.5 text-xs"
            onClick={() => {
              setText(pretty(t.schema));
              setMime(t.mimeType);
            }}
          >
            {t.name}
          </Button>
        ))}
      </div>
      <CheckedJsonEditor
        value={text}
        onChange={setText}
        label="Response schema"
        issues={issues}
        okMessage={
          text.trim() === ""
            ? "No schema: the model may answer any JSON."
            : `Valid JSON Schema. Answers will be ${mime}.`
        }
      />
      <div className="flex justify-end gap-2 border-t border-border pt-3">
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          size="sm"
          variant="primary"
          disabled={!check.ok}
          onClick={() => check.ok && onSave(check.value, mime)}
        >
          Save
        </Button>
      </div>
    </div>
  );
}
