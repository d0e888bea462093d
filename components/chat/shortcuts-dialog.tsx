"use client";

import { Dialog } from "@/components/ui/dialog";

/** Shown on a Mac as ⌘; elsewhere as Ctrl. Decided in the browser, where the dialog opens. */
const mod = () => (/Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl");

const SHORTCUTS: readonly { keys: (mod: string) => string[]; does: string }[] = [
  {
    keys: (m) => [m, "Enter"],
    does: "Run the prompt (in the prompt box); save a turn being edited",
  },
  { keys: () => ["Esc"], does: "Stop the answer that is streaming; cancel a turn edit" },
  { keys: (m) => [m, "Z"], does: "Undo Clear chat, Delete turn or Rerun (outside a text field)" },
  { keys: (m) => [m, "S"], does: "Save the prompt to the library" },
  { keys: (m) => [m, "Shift", "C"], does: "Get code: the prompt as working code" },
  { keys: () => ["?"], does: "Show this list (outside a text field)" },
];

/** The keyboard shortcuts, as "?" or the header's menu opens them. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      {open && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-3 text-sm">
          {SHORTCUTS.map(({ keys, does }) => (
            <div key={does} className="contents">
              <dt className="flex gap-1 whitespace-nowrap">
                {keys(mod()).map((key) => (
                  <kbd
                    key={key}
                    className="rounded border border-border bg-muted px-1.5 py-0.5 font-mono text-xs"
                  >
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd className="text-muted-foreground">{does}</dd>
            </div>
          ))}
        </dl>
      )}
    </Dialog>
  );
}
