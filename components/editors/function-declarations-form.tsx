"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { downloadJson } from "@/lib/download";
import type { FunctionDeclaration } from "@/lib/prompt/config";
import { checkFunctionDeclarationsText } from "@/lib/schema-editor/checks";
import { FUNCTION_EXAMPLE, pretty } from "@/lib/schema-editor/templates";
import { CheckedJsonEditor } from "./checked-json-editor";

/** A declarations file is text a person wrote; anything this big is a mistake, not a tool list. */
const MAX_IMPORT_BYTES = 1_000_000;
const EXPORT_NAME = "function-declarations.json";

export interface FunctionDeclarationsFormProps {
  declarations: FunctionDeclaration[];
  /** Called only with declarations that passed every check. */
  onSave: (declarations: FunctionDeclaration[]) => void;
  onCancel: () => void;
}

/** Function declarations as a JSON array, checked against the prompt document's schema as you type. */
export function FunctionDeclarationsForm({
  declarations,
  onSave,
  onCancel,
}: FunctionDeclarationsFormProps) {
  const [text, setText] = useState(() => (declarations.length ? pretty(declarations) : ""));
  const [importNote, setImportNote] = useState<string | null>(null);
  const check = useMemo(() => checkFunctionDeclarationsText(text), [text]);
  const issues = check.ok ? [] : check.issues;

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setImportNote(`${file.name} is too large to be a list of declarations (over 1 MB).`);
      return;
    }
    setText(await file.text());
    setImportNote(`Imported ${file.name}. Check it, then Save.`);
  };

  const count = check.ok ? check.value.length : 0;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-1.5">
        <Button
          size="sm"
          className="h-7 px-2.5 text-xs"
          onClick={() => setText(pretty(FUNCTION_EXAMPLE))}
        >
          Example
        </Button>
        <label className="inline-flex h-7 cursor-pointer items-center rounded-full border border-border px-2.5 text-xs font-medium hover:bg-muted has-focus-visible:outline-2 has-focus-visible:outline-primary">
          Import
          <input
            type="file"
            accept=".json,application/json"
            className="sr-only"
            onChange={(e) => {
              void importFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
        </label>
        <Button
          size="sm"
          className="h-7 px-2.5 text-xs"
          disabled={text.trim() === ""}
          onClick={() => downloadJson(check.ok ? pretty(check.value) : text, EXPORT_NAME)}
        >
          Export
        </Button>
        {importNote && <span className="text-xs text-muted-foreground">{importNote}</span>}
      </div>
      <CheckedJsonEditor
        value={text}
        onChange={setText}
        label="Function declarations"
        issues={issues}
        okMessage={
          count === 0
            ? "No functions declared yet."
            : `${count} valid function declaration${count === 1 ? "" : "s"}.`
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
          onClick={() => check.ok && onSave(check.value)}
        >
          Save
        </Button>
      </div>
    </div>
  );
}
