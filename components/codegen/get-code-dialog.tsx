"use client";

import { useMemo, useState } from "react";
import { Markdown } from "@/components/answer/markdown";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Switch } from "@/components/ui/switch";
import { generateCode } from "@/lib/codegen/generate";
import { CODE_TARGETS, type CodeTarget, targetFor } from "@/lib/codegen/targets";
import { downloadText } from "@/lib/download";
import type { MediaPart, PromptDoc } from "@/lib/prompt";
import { runApi } from "@/lib/wire/api";

/** The tabs that print working code today, in the order the tabs show. */
const TABS = CODE_TARGETS;

/**
 * The document as code that sends exactly the request Run sends, printed in the browser from
 * the one mapping (lib/codegen). The key is always read from the environment (or Script
 * Properties); attached files become local paths the person can edit, never our server's URLs.
 */
export function GetCodeDialog({
  open,
  onClose,
  doc,
}: {
  open: boolean;
  onClose: () => void;
  doc: PromptDoc;
}) {
  // The code for what the prompt's runs do: a prompt run through OpenAI compatibility opens there.
  const [target, setTarget] = useState<CodeTarget>(() => targetFor(runApi(doc.config)));
  const [stream, setStream] = useState(true);
  const [paths, setPaths] = useState<Record<string, string>>({});
  const [copied, setCopied] = useState(false);
  const files = useMemo(() => mediaOf(doc), [doc]);
  const result = useMemo(() => {
    if (!open) return null;
    const chosen = Object.fromEntries(
      files.map((f) => [f.sha256, paths[f.sha256]?.trim() || defaultPath(f)]),
    );
    return generateCode(doc, target, { stream, files: chosen });
  }, [open, doc, target, stream, files, paths]);

  const copy = async () => {
    if (!result) return;
    await navigator.clipboard.writeText(result.code);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Get code"
      description="The request Run sends, as code. It reads your key from GEMINI_API_KEY."
      className="w-[min(56rem,calc(100vw-2rem))]"
      footer={
        <>
          <Button variant="secondary" onClick={() => result && void copy()}>
            {copied ? "Copied" : "Copy"}
          </Button>
          <Button
            variant="secondary"
            onClick={() => result && downloadText(result.code, result.fileName, "text/plain")}
          >
            Download
          </Button>
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <div role="tablist" aria-label="Language" className="flex flex-wrap gap-1">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`code-tab-${t.id}`}
              aria-selected={t.id === target}
              aria-controls="code-panel"
              onClick={() => setTarget(t.id)}
              className="rounded-md px-3 py-1 text-sm aria-selected:bg-primary/10 aria-selected:font-medium aria-selected:text-primary hover:bg-muted"
            >
              {t.label}
            </button>
          ))}
        </div>
        <div className="flex items-center gap-2 text-sm">
          <Switch id="code-stream" checked={stream} onCheckedChange={setStream} />
          <label htmlFor="code-stream">Stream the answer</label>
        </div>
        {files.length > 0 && (
          <fieldset className="flex flex-col gap-1 text-sm">
            <legend className="mb-1 text-muted-foreground">Where the code reads each file</legend>
            {files.map((f) => (
              <label key={f.sha256} className="flex items-center gap-2">
                <span className="w-40 truncate">{f.name ?? f.mimeType}</span>
                <input
                  aria-label={`File path for ${f.name ?? f.mimeType}`}
                  className="min-w-0 flex-1 rounded-md border border-border bg-background px-2 py-1 font-mono text-xs"
                  value={paths[f.sha256] ?? defaultPath(f)}
                  onChange={(e) => setPaths({ ...paths, [f.sha256]: e.target.value })}
                />
              </label>
            ))}
          </fieldset>
        )}
        <div
          role="tabpanel"
          id="code-panel"
          aria-labelledby={`code-tab-${target}`}
          className="min-h-40 overflow-auto rounded-lg border border-border text-sm"
        >
          {result && <Markdown text={fenced(result.code, result.language)} />}
        </div>
      </div>
    </Dialog>
  );
}

/** Each stored file the document holds, once. */
function mediaOf(doc: PromptDoc): MediaPart[] {
  const seen = new Map<string, MediaPart>();
  for (const turn of doc.contents) {
    for (const part of turn.parts) {
      if (part.kind === "media" && !seen.has(part.sha256)) seen.set(part.sha256, part);
    }
  }
  return [...seen.values()];
}

/** The file's own name, or one made from its hash and type. */
function defaultPath(file: MediaPart): string {
  if (file.name) return file.name;
  const extension = file.mimeType.split("/")[1]?.split(/[;+]/)[0] ?? "bin";
  return `file-${file.sha256.slice(0, 8)}.${extension}`;
}

/** A code fence longer than any run of backticks in the code, so nothing in it can close it. */
function fenced(code: string, language: string): string {
  const longest = Math.max(0, ...Array.from(code.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${code}\n${fence}`;
}
