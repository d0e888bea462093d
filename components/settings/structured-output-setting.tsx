"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useRunSetting, useRunSettingsActions } from "@/lib/store";
import { ResponseSchemaForm } from "./lazy-forms";
import { SettingNote } from "./setting-label";
import { SwitchRow } from "./switch-row";
import { noToolsAt, unsupportedReason, useModelCapabilities } from "./use-model-capabilities";

function describeSchema(schema: Record<string, unknown> | undefined): string {
  if (!schema) return "No schema: any JSON";
  const props = schema.properties;
  if (schema.type === "object" && props && typeof props === "object") {
    const n = Object.keys(props).length;
    return `Object with ${n} propert${n === 1 ? "y" : "ies"}`;
  }
  if (Array.isArray(schema.enum)) return `One of ${schema.enum.length} values`;
  return typeof schema.type === "string" ? `Schema of type ${schema.type}` : "Custom schema";
}

/** Structured output: JSON answers, optionally shaped by a JSON Schema edited in a dialog. */
export function StructuredOutputSetting() {
  const caps = useModelCapabilities();
  const mime = useRunSetting("responseMimeType");
  const schema = useRunSetting("responseSchema");
  const { setStructuredOutput, setResponseMimeType, setResponseSchema } = useRunSettingsActions();
  const [editing, setEditing] = useState(false);
  const on = mime === "application/json" || mime === "text/x.enum";

  return (
    <SwitchRow
      id="setting-structured-output"
      label="Structured output"
      checked={on}
      onCheckedChange={(next) => {
        setStructuredOutput(next);
        // Switching on with nothing to shape the answer goes straight to the editor, as AI Studio does.
        if (next && !schema) setEditing(true);
      }}
      disabledReason={caps.structuredOutput ? undefined : unsupportedReason(caps)}
      sharedReasonId={noToolsAt(caps)}
      action={
        <Button
          size="sm"
          variant="ghost"
          aria-label="Edit output schema"
          className="h-7 px-2 text-primary"
          onClick={() => setEditing(true)}
        >
          Edit
        </Button>
      }
    >
      <SettingNote>{describeSchema(schema)}</SettingNote>
      <Dialog
        open={editing}
        onClose={() => setEditing(false)}
        title="Output schema"
        description="Answers will be JSON that matches this JSON Schema. Leave it empty for any JSON."
      >
        <ResponseSchemaForm
          schema={schema}
          mimeType={mime === "text/x.enum" ? "text/x.enum" : "application/json"}
          onCancel={() => setEditing(false)}
          onSave={(next, nextMime) => {
            setResponseMimeType(nextMime);
            setResponseSchema(next);
            setEditing(false);
          }}
        />
      </Dialog>
    </SwitchRow>
  );
}
