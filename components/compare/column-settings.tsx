"use client";

import { useEffect, useId, useState } from "react";
import { RunSettingsFields } from "@/components/settings/run-settings-fields";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { columnRequest, overridesFrom } from "@/lib/compare/document";
import { partsText } from "@/lib/compare/turn-text";
import type { Part, Turn } from "@/lib/prompt";
import {
  createPlaygroundStore,
  PlaygroundStoreScope,
  usePlayground,
  usePlaygroundApi,
} from "@/lib/store";
import { LabeledSwitch } from "./labeled-switch";

const NO_TURNS: Turn[] = [];

/**
 * A column's run settings are the chat panel's own controls, bounded by the column's model the
 * same way: they edit a document of their own (a store that is never saved), seeded with what
 * the column runs with. Every change is written back to the column as what it sets itself: what
 * differs from the shared prompt.
 */
export function ColumnSettings({
  columnId,
  name,
  onClose,
}: {
  columnId: string;
  name: string;
  onClose: () => void;
}) {
  const page = usePlaygroundApi();
  const [scoped] = useState(() => {
    const s = page.getState();
    const column = s.compare?.columns.find((c) => c.id === columnId);
    const store = createPlaygroundStore({ storage: () => undefined });
    if (s.compare && column) {
      store.setState({
        draft: columnRequest(s.compare, column),
        catalog: s.catalog,
        modelSource: "user",
        hydrated: true,
      });
    }
    return store;
  });

  useEffect(
    () =>
      scoped.subscribe((state, previous) => {
        if (state.draft === previous.draft) return;
        const shared = page.getState().compare?.shared;
        if (!shared) return;
        const { model, config, tools } = state.draft;
        page
          .getState()
          .setColumnSetup(columnId, { model, ...overridesFrom(shared, { config, tools }) });
      }),
    [scoped, page, columnId],
  );

  return (
    <Dialog
      open
      onClose={onClose}
      title={`${name} settings`}
      description="Settings you change here apply to this column only; the rest follow the shared prompt."
      footer={
        <Button variant="primary" size="sm" onClick={onClose}>
          Done
        </Button>
      }
    >
      <div className="flex flex-col gap-4">
        <OwnSystemInstructions columnId={columnId} />
        <OwnConversation columnId={columnId} />
        <PlaygroundStoreScope store={scoped}>
          <RunSettingsFields />
        </PlaygroundStoreScope>
      </div>
    </Dialog>
  );
}

/** The shared system instructions, or this column's own (detached: a copy to edit). */
function OwnSystemInstructions({ columnId }: { columnId: string }) {
  const own = usePlayground(
    (s) => s.compare?.columns.find((c) => c.id === columnId)?.systemInstruction,
  );
  const shared = usePlayground((s) => s.compare?.shared.systemInstruction ?? "");
  const setColumnSystem = usePlayground((s) => s.setColumnSystem);
  const textId = useId();
  return (
    <div className="flex flex-col gap-2">
      <LabeledSwitch
        label="Own system instructions"
        checked={own !== undefined}
        onChange={(on) => setColumnSystem(columnId, on ? shared : undefined)}
      />
      {own !== undefined && (
        <>
          <label htmlFor={textId} className="sr-only">
            System instructions for this column
          </label>
          <textarea
            id={textId}
            value={own}
            onChange={(e) => setColumnSystem(columnId, e.target.value)}
            rows={3}
            className="w-full rounded-lg border border-border bg-background px-3 py-2 text-sm"
          />
        </>
      )}
    </div>
  );
}

/**
 * The shared conversation, or this column's own copy (detached: its words can be edited and its
 * attachments taken out, for this column only).
 */
function OwnConversation({ columnId }: { columnId: string }) {
  const own = usePlayground((s) => s.compare?.columns.find((c) => c.id === columnId)?.contents);
  const shared = usePlayground((s) => s.compare?.shared.contents ?? NO_TURNS);
  const setColumnContents = usePlayground((s) => s.setColumnContents);
  if (shared.length === 0 && own === undefined) return null;
  const edit = (turn: number, part: number, next: Part | null) => {
    if (!own) return;
    const contents = own.map((t, i) => {
      if (i !== turn) return t;
      const parts = t.parts.flatMap((p, j) => (j !== part ? [p] : next ? [next] : []));
      return { ...t, parts };
    });
    // A turn left with nothing would be refused by Gemini: it goes with its last part.
    setColumnContents(
      columnId,
      contents.filter((t) => t.parts.length > 0),
    );
  };
  return (
    <div className="flex flex-col gap-2">
      <LabeledSwitch
        label="Own conversation"
        checked={own !== undefined}
        onChange={(on) => setColumnContents(columnId, on ? shared : undefined)}
      />
      {own !== undefined && (
        <ol aria-label="Conversation for this column" className="flex flex-col gap-2">
          {own.map((turn, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: turns are edited in place, never moved
            <li key={i} className="flex flex-col gap-1 rounded-lg border border-border p-2">
              <span className="text-xs font-medium text-muted-foreground">
                {turn.role === "user" ? "User" : "Model"}
              </span>
              {turn.parts.map((part, j) => (
                <OwnPart
                  // biome-ignore lint/suspicious/noArrayIndexKey: as above
                  key={j}
                  part={part}
                  label={`Turn ${i + 1}, ${turn.role === "user" ? "user" : "model"} text`}
                  onChange={(next) => edit(i, j, next)}
                />
              ))}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function OwnPart({
  part,
  label,
  onChange,
}: {
  part: Part;
  label: string;
  onChange: (next: Part | null) => void;
}) {
  if (part.kind === "text") {
    // An empty text that carries the model's thought signature is no words to edit.
    if (part.text === "" && part.thoughtSignature) return null;
    return (
      <textarea
        aria-label={label}
        value={part.text}
        onChange={(e) => onChange({ ...part, text: e.target.value })}
        rows={2}
        className="w-full rounded-lg border border-border bg-background px-3 py-2 text-sm [field-sizing:content]"
      />
    );
  }
  if (part.kind === "media") {
    const name = part.name ?? part.mimeType;
    return (
      <div className="flex items-center gap-2 text-sm">
        <span className="truncate">Attachment: {name}</span>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Remove ${name} from this column`}
          onClick={() => onChange(null)}
        >
          Remove
        </Button>
      </div>
    );
  }
  return <p className="text-sm text-muted-foreground">{partsText([part])}</p>;
}
