"use client";

import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

import type { SaveDetails } from "@/lib/store/save-draft";

const FIELD =
  "w-full rounded-lg border border-border bg-background px-3 py-2 text-sm focus-visible:border-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-primary/20";

/** Title, description and tags of a prompt about to be saved, and whether teammates may edit it. */
export function SaveDialog({
  initial,
  canShare,
  onSave,
  onClose,
}: {
  initial: SaveDetails;
  /** Only the author (or a new prompt's) sets who else may save revisions. */
  canShare: boolean;
  onSave: (details: SaveDetails) => void;
  onClose: () => void;
}) {
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [tags, setTags] = useState(initial.tags.join(", "));
  const [teamEditable, setTeamEditable] = useState(initial.teamEditable);
  const formId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({
      title: title.trim(),
      description: description.trim(),
      tags: tags
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
      teamEditable,
    });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="Save prompt"
      description="Every save is a new revision your team can open, compare and restore."
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form={formId} disabled={title.trim() === ""}>
            Save
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="flex flex-col gap-4">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Title
          <input
            className={FIELD}
            value={title}
            maxLength={200}
            required
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Description
          <textarea
            className={`${FIELD} min-h-20 resize-y`}
            value={description}
            maxLength={5000}
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Tags
          <input
            className={FIELD}
            value={tags}
            placeholder="Comma-separated, e.g. support, summaries"
            onChange={(e) => setTags(e.target.value)}
          />
        </label>
        {canShare && (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={teamEditable}
              onChange={(e) => setTeamEditable(e.target.checked)}
            />
            Teammates can save changes (otherwise they save a copy)
          </label>
        )}
      </form>
    </Dialog>
  );
}
