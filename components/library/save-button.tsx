"use client";

import { useCallback, useEffect, useState } from "react";
import { usePerson } from "@/components/auth/person-context";
import { Button, PHONE_ICON_ONLY } from "@/components/ui/button";
import { SaveIcon } from "@/components/ui/icons";
import { LOCAL_NAME } from "@/lib/auth/person";
import { errorBody } from "@/lib/client/errors";
import type { SavedRef } from "@/lib/library/saved-ref";
import { usePlayground, usePlaygroundApi } from "@/lib/store";
import { detailsOf, type SaveDetails, saveDraft } from "@/lib/store/save-draft";
import { SaveDialog } from "./save-dialog";

type Notice = { kind: "status" | "alert"; text: string } | null;

/**
 * Save (and Ctrl/Cmd+S anywhere on the page): the first time asks for a title, after that adds a
 * revision at once. Someone else's prompt that the team may not edit is saved as a copy, and
 * the page says so. A failure says why and leaves the draft as it was.
 */
export function SaveButton({ kind }: { kind: "chat" | "compare" }) {
  const api = usePlaygroundApi();
  const ref = usePlayground((s) => (kind === "chat" ? s.savedChat : s.savedCompare));
  const hasCompare = usePlayground((s) => s.compare !== null);
  const me = usePerson()?.name ?? LOCAL_NAME;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const save = useCallback(
    async (details: SaveDetails, from: SavedRef | null) => {
      setBusy(true);
      setNotice(null);
      try {
        const saved = await saveDraft(api, kind, details, from, me);
        if (!saved) return;
        setNotice({
          kind: "status",
          text: saved.forked
            ? `Saved as your copy: ${from?.author}'s prompt is theirs to change.`
            : `Saved · revision ${saved.revision}`,
        });
      } catch (error) {
        setNotice({ kind: "alert", text: errorBody(error, "Saving failed.").message });
      } finally {
        setBusy(false);
      }
    },
    [api, kind, me],
  );

  const start = useCallback(() => {
    if (busy) return;
    if (ref) void save(detailsOf(ref), ref);
    else setAsking(true);
  }, [busy, ref, save]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "s") {
        // The browser's own "Save page" is never what someone in a prompt means.
        e.preventDefault();
        if (!document.querySelector("dialog[open]")) start();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [start]);

  useEffect(() => {
    if (notice?.kind !== "status") return;
    const timer = setTimeout(() => setNotice(null), 5_000);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <>
      {notice && (
        <span
          role={notice.kind}
          className={`max-w-72 truncate text-sm max-xl:sr-only ${notice.kind === "alert" ? "text-danger" : "text-muted-foreground"}`}
          title={notice.text}
        >
          {notice.text}
        </span>
      )}
      {ref && (
        <Button
          variant="ghost"
          size="sm"
          className="max-w-48 max-xl:hidden"
          title="Title, description and tags"
          onClick={() => setAsking(true)}
        >
          <span className="truncate">{ref.title}</span>
        </Button>
      )}
      <Button
        variant="ghost"
        size="sm"
        className="max-sm:px-2"
        title={
          ref
            ? `Save a new revision of “${ref.title}” (Ctrl+S)`
            : "Save to the team library (Ctrl+S)"
        }
        onClick={start}
        disabled={busy || (kind === "compare" && !hasCompare)}
      >
        <SaveIcon />
        <span className={PHONE_ICON_ONLY}>Save</span>
      </Button>
      {asking && (
        <SaveDialog
          initial={
            ref ? detailsOf(ref) : { title: "", description: "", tags: [], teamEditable: false }
          }
          canShare={!ref || ref.author === me}
          onClose={() => setAsking(false)}
          onSave={(details) => {
            setAsking(false);
            void save(details, ref);
          }}
        />
      )}
    </>
  );
}
