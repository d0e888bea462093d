"use client";

import { useEffect, useId, useState } from "react";
import { RunSettingsFields } from "@/components/settings/run-settings-fields";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Switch } from "@/components/ui/switch";
import { columnRequest, overridesFrom } from "@/lib/compare/document";
import {
  createPlaygroundStore,
  PlaygroundStoreScope,
  usePlayground,
  usePlaygroundApi,
} from "@/lib/store";

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
  const switchId = useId();
  const textId = useId();
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2 text-sm">
        <Switch
          id={switchId}
          checked={own !== undefined}
          onCheckedChange={(on) => setColumnSystem(columnId, on ? shared : undefined)}
        />
        <label htmlFor={switchId} className="font-medium">
          Own system instructions
        </label>
      </div>
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
