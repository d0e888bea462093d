"use client";

import { useState } from "react";
import { usePerson } from "@/components/auth/person-context";
import { copyText } from "@/components/chat/copy-text";
import { Button, WIDE_LABEL_ONLY } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { LinkIcon } from "@/components/ui/icons";
import { LOCAL_NAME } from "@/lib/auth/person";
import { errorBody } from "@/lib/client/errors";
import { promptLink, shareRunResults } from "@/lib/client/library";
import { usePlayground, usePlaygroundApi } from "@/lib/store";
import { detailsOf, saveDraft } from "@/lib/store/save-draft";
import { createRunSaver } from "@/lib/store/saved-runs";
import { takeSnapshot } from "@/lib/store/snapshot";

/**
 * Share a saved prompt: a link teammates open (after signing in) that always shows its latest
 * revision, or one pinned to the revision on screen.
 */
export function ShareButton({ kind }: { kind: "chat" | "compare" }) {
  const api = usePlaygroundApi();
  const me = usePerson()?.name ?? LOCAL_NAME;
  const ref = usePlayground((s) => (kind === "chat" ? s.savedChat : s.savedCompare));
  const hasResults = usePlayground((s) =>
    kind === "chat" ? Object.keys(s.runByTurn).length > 0 : Object.keys(s.columnRuns).length > 0,
  );
  const [open, setOpen] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [results, setResults] = useState<{ id: string; revision: number } | "taking" | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only while the dialog is open: the page renders on the server first, with no window.
  const origin = open ? window.location.origin : "";
  const link =
    !open || !ref
      ? ""
      : results && results !== "taking"
        ? promptLink(origin, ref.id, results.revision, results.id)
        : promptLink(origin, ref.id, pinned ? ref.revision : undefined);

  /**
   * The results go with the revision they answer: what is on screen is saved first (no new
   * revision if nothing changed), then its runs are kept on the server under the link.
   */
  const includeResults = async (on: boolean) => {
    setError(null);
    setCopied(null);
    if (!on || !ref) {
      setResults(null);
      return;
    }
    setResults("taking");
    try {
      await saveDraft(api, kind, detailsOf(ref), ref, me);
      const s = api.getState();
      const saved = kind === "chat" ? s.savedChat : s.savedCompare;
      const snapshot = takeSnapshot(s, kind, createRunSaver()(s));
      if (!saved || !snapshot) {
        setResults(null);
        setError("There is no finished run to share: run the prompt first.");
        return;
      }
      const id = await shareRunResults(saved.id, saved.revision, snapshot);
      setResults({ id, revision: saved.revision });
    } catch (failure) {
      setResults(null);
      setError(errorBody(failure, "The run results could not be shared.").message);
    }
  };

  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        className="max-sm:px-2"
        disabled={!ref}
        title={ref ? "A link to this prompt for your team" : "Save the prompt first to share it"}
        onClick={() => {
          setCopied(null);
          setOpen(true);
        }}
      >
        <LinkIcon />
        <span className={WIDE_LABEL_ONLY}>Share</span>
      </Button>
      {open && ref && (
        <Dialog
          open
          onClose={() => setOpen(false)}
          title="Share"
          description={`Teammates who open the link see “${ref.title}” and can run it; their changes save as their own copy${ref.teamEditable ? " or, since the team may edit it, a new revision" : ""}.`}
          footer={
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Done
            </Button>
          }
        >
          <div className="flex flex-col gap-3">
            <div className="flex gap-2">
              <input
                readOnly
                aria-label="Share link"
                value={link}
                onFocus={(e) => e.target.select()}
                className="h-9 min-w-0 flex-1 rounded-lg border border-border bg-sidebar px-3 font-mono text-sm"
              />
              <Button
                variant="primary"
                size="sm"
                className="h-9"
                onClick={async () => setCopied(await copyText(link).catch(() => false))}
              >
                Copy link
              </Button>
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={results !== null}
                disabled={!hasResults || results === "taking"}
                onChange={(e) => includeResults(e.target.checked)}
              />
              Include run results (teammates see the answers and their figures without running it)
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={pinned || results !== null}
                disabled={results !== null}
                onChange={(e) => setPinned(e.target.checked)}
              />
              Pin to revision {ref.revision} (otherwise the link always opens the latest)
            </label>
            {error && (
              <p role="alert" className="text-sm text-danger">
                {error}
              </p>
            )}
            {copied !== null && (
              <p role="status" className="text-sm text-muted-foreground">
                {copied ? "Link copied." : "Copying was refused: select the link and copy it."}
              </p>
            )}
          </div>
        </Dialog>
      )}
    </>
  );
}
