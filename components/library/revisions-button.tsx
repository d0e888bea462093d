"use client";

import { diffArrays } from "diff";
import { useEffect, useState } from "react";
import { Button, WIDE_LABEL_ONLY } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { RevisionsIcon } from "@/components/ui/icons";
import { errorBody } from "@/lib/client/errors";
import {
  getSavedPrompt,
  listRevisions,
  type RevisionSummary,
  restoreRevision,
} from "@/lib/client/library";
import { documentLines } from "@/lib/library/document-lines";
import { usePlayground } from "@/lib/store";

/**
 * The saved prompt's revisions: who saved each and when, what changed between any two (settings
 * and text, line by line), and restoring one as the newest revision.
 */
export function RevisionsButton({ kind }: { kind: "chat" | "compare" }) {
  const ref = usePlayground((s) => (kind === "chat" ? s.savedChat : s.savedCompare));
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        // On a phone the header has no room: revisions are a desk task.
        className="max-sm:hidden"
        disabled={!ref}
        title={
          ref ? "Every saved revision, what changed, and restoring one" : "Save the prompt first"
        }
        onClick={() => setOpen(true)}
      >
        <RevisionsIcon />
        <span className={WIDE_LABEL_ONLY}>Revisions</span>
      </Button>
      {open && ref && <RevisionsDialog id={ref.id} kind={kind} onClose={() => setOpen(false)} />}
    </>
  );
}

function RevisionsDialog({
  id,
  kind,
  onClose,
}: {
  id: string;
  kind: "chat" | "compare";
  onClose: () => void;
}) {
  const openSaved = usePlayground((s) => s.openSaved);
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [lines, setLines] = useState<DiffLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    listRevisions(id).then(
      (list) => {
        setRevisions(list);
        setTo(list[0]?.number ?? null);
        setFrom(list[1]?.number ?? list[0]?.number ?? null);
      },
      (failure) => setError(errorBody(failure, "The revisions could not be read.").message),
    );
  }, [id]);

  useEffect(() => {
    if (from === null || to === null) return;
    let current = true;
    Promise.all([getSavedPrompt(id, from), getSavedPrompt(id, to)]).then(
      ([a, b]) => {
        if (current)
          setLines(diffLines(documentLines(kind, a.document), documentLines(kind, b.document)));
      },
      (failure) => setError(errorBody(failure, "The revisions could not be read.").message),
    );
    return () => {
      current = false;
    };
  }, [id, kind, from, to]);

  const restore = async (number: number) => {
    setBusy(true);
    try {
      const saved = await restoreRevision(id, number);
      openSaved(await getSavedPrompt(saved.id, saved.revision));
      onClose();
    } catch (failure) {
      setError(errorBody(failure, "Restoring failed.").message);
      setBusy(false);
    }
  };

  const choices = revisions ?? [];
  return (
    <Dialog
      open
      onClose={onClose}
      title="Revisions"
      description="Restoring a revision saves it again as the newest; nothing in between is lost."
      footer={
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      }
    >
      {error && (
        <p role="alert" className="mb-2 text-sm text-danger">
          {error}
        </p>
      )}
      <ol
        aria-label="Saved revisions"
        className="mb-4 flex flex-col divide-y divide-border text-sm"
      >
        {choices.map((r) => (
          <li key={r.number} className="flex items-center gap-3 py-2">
            <span className="w-10 font-mono tabular-nums">#{r.number}</span>
            <span className="min-w-0 flex-1 truncate">
              {r.title} · {r.author} · {new Date(r.createdAt).toLocaleString()}
            </span>
            {r.number !== choices[0]?.number && (
              <Button
                variant="secondary"
                size="sm"
                disabled={busy}
                aria-label={`Restore revision ${r.number}`}
                onClick={() => restore(r.number)}
              >
                Restore
              </Button>
            )}
          </li>
        ))}
      </ol>
      {choices.length > 1 && (
        <div className="flex flex-col gap-2">
          <div className="flex items-center gap-2 text-sm">
            Changes from
            <RevisionSelect
              label="From revision"
              value={from}
              revisions={choices}
              onChange={setFrom}
            />
            to
            <RevisionSelect label="To revision" value={to} revisions={choices} onChange={setTo} />
          </div>
          <ul
            aria-label="Changes"
            className="max-h-72 overflow-y-auto rounded-lg border border-border font-mono text-xs"
          >
            {(lines ?? []).map((line, i) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: a diff is rebuilt whole, never reordered
                key={i}
                className={
                  line.change === "added"
                    ? "bg-success-soft px-2 py-0.5 whitespace-pre-wrap"
                    : line.change === "removed"
                      ? "bg-danger-soft px-2 py-0.5 whitespace-pre-wrap line-through"
                      : "px-2 py-0.5 whitespace-pre-wrap text-muted-foreground"
                }
              >
                {line.change === "added" ? (
                  <ins className="no-underline">+ {line.text}</ins>
                ) : line.change === "removed" ? (
                  <del>− {line.text}</del>
                ) : (
                  `  ${line.text}`
                )}
              </li>
            ))}
            {lines?.every((l) => l.change === "same") && (
              <li className="px-2 py-1 font-sans text-muted-foreground">No differences.</li>
            )}
          </ul>
        </div>
      )}
    </Dialog>
  );
}

function RevisionSelect({
  label,
  value,
  revisions,
  onChange,
}: {
  label: string;
  value: number | null;
  revisions: RevisionSummary[];
  onChange: (n: number) => void;
}) {
  return (
    <select
      aria-label={label}
      value={value ?? ""}
      onChange={(e) => onChange(Number(e.target.value))}
      className="h-8 rounded-md border border-border bg-background px-2"
    >
      {revisions.map((r) => (
        <option key={r.number} value={r.number}>
          #{r.number}
        </option>
      ))}
    </select>
  );
}

interface DiffLine {
  change: "added" | "removed" | "same";
  text: string;
}

function diffLines(before: string[], after: string[]): DiffLine[] {
  return diffArrays(before, after).flatMap((part) =>
    part.value.map((text) => ({
      change: part.added
        ? ("added" as const)
        : part.removed
          ? ("removed" as const)
          : ("same" as const),
      text,
    })),
  );
}
