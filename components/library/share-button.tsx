"use client";

import { useState } from "react";
import { copyText } from "@/components/chat/copy-text";
import { Button, WIDE_LABEL_ONLY } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { LinkIcon } from "@/components/ui/icons";
import { promptLink } from "@/lib/client/library";
import { usePlayground } from "@/lib/store";

/**
 * Share a saved prompt: a link teammates open (after signing in) that always shows its latest
 * revision, or one pinned to the revision on screen.
 */
export function ShareButton({ kind }: { kind: "chat" | "compare" }) {
  const ref = usePlayground((s) => (kind === "chat" ? s.savedChat : s.savedCompare));
  const [open, setOpen] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [copied, setCopied] = useState<boolean | null>(null);
  // Only while the dialog is open: the page renders on the server first, with no window.
  const link =
    open && ref
      ? promptLink(window.location.origin, ref.id, pinned ? ref.revision : undefined)
      : "";

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
                checked={pinned}
                onChange={(e) => setPinned(e.target.checked)}
              />
              Pin to revision {ref.revision} (otherwise the link always opens the latest)
            </label>
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
