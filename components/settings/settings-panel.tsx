"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CloseIcon } from "@/components/ui/icons";
import { useNarrow } from "@/lib/hooks/use-narrow";
import {
  useDrawerOpen,
  usePanelActions,
  useRunSettingsActions,
  useSettingsOpen,
} from "@/lib/store";
import { RunSettingsFields } from "./run-settings-fields";

/** The header button that opens and closes the panel: focus goes back to it from the drawer. */
const OPENER = '[aria-controls="settings-panel"]';

/**
 * The run settings column on the right, laid out like AI Studio's: model, temperature and media
 * resolution first, then Thinking, Tools and Advanced settings as foldable sections. Every control
 * is bounded by the selected model (use-model-capabilities.ts); unset means the model's default.
 *
 * Below 900 px the column would squeeze the conversation to nothing, so there it is a drawer over
 * the page, closed until the header's "Run settings" opens it. Which one shows is CSS (the
 * `data-*` state and a width query), so the first paint is right before any script runs.
 */
export function SettingsPanel() {
  const open = useSettingsOpen();
  const drawerOpen = useDrawerOpen();
  const narrow = useNarrow();
  const { setDrawerOpen } = usePanelActions();
  const { resetRunSettings } = useRunSettingsActions();
  const closeRef = useRef<HTMLButtonElement>(null);
  const asDrawer = narrow && drawerOpen;

  useEffect(() => {
    if (asDrawer) closeRef.current?.focus();
  }, [asDrawer]);

  const closeDrawer = () => {
    setDrawerOpen(false);
    document.querySelector<HTMLElement>(OPENER)?.focus();
  };

  return (
    <>
      {asDrawer && (
        // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop mirrors Escape and Close, which keyboard users have.
        // biome-ignore lint/a11y/useKeyWithClickEvents: as above.
        <div className="fixed inset-0 z-30 bg-black/30" onClick={closeDrawer} />
      )}
      <aside
        id="settings-panel"
        aria-label="Settings"
        data-column={open}
        data-drawer={drawerOpen}
        onKeyDown={(e) => {
          // A dialog opened from the drawer closes alone.
          const inDialog = (e.target as Element).closest("dialog") !== null;
          if (e.key === "Escape" && asDrawer && !e.defaultPrevented && !inDialog) {
            e.preventDefault();
            closeDrawer();
          }
        }}
        className="hidden w-80 shrink-0 overflow-y-auto border-l border-border bg-sidebar max-[1000px]:w-72 min-[900px]:data-[column=true]:block max-[900px]:fixed max-[900px]:inset-y-0 max-[900px]:right-0 max-[900px]:z-40 max-[900px]:w-[min(22rem,100vw)] max-[900px]:shadow-xl max-[900px]:data-[drawer=true]:block"
      >
        <div className="flex flex-col gap-4 p-4">
          <div className="flex items-center justify-between gap-2">
            <h2 className="text-base font-medium">Run settings</h2>
            <button
              type="button"
              onClick={resetRunSettings}
              className="ml-auto rounded px-1 text-xs text-primary hover:underline"
            >
              Reset settings
            </button>
            <Button
              ref={closeRef}
              variant="ghost"
              size="icon"
              aria-label="Close run settings"
              onClick={closeDrawer}
              className="min-[900px]:hidden"
            >
              <CloseIcon />
            </Button>
          </div>
          <RunSettingsFields />
        </div>
      </aside>
    </>
  );
}
