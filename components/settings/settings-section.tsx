"use client";

import { type ReactNode, useId, useState } from "react";
import { ChevronIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";

/** A foldable group of settings, headed like AI Studio's ("Thinking", "Tools", "Advanced settings"). */
export function SettingsSection({
  title,
  children,
  defaultOpen = true,
}: {
  title: string;
  children: ReactNode;
  defaultOpen?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  return (
    <section className="border-t border-border pt-3">
      <h3>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
          className="flex w-full items-center justify-between rounded py-1 text-left text-sm font-medium hover:text-primary"
        >
          {title}
          <ChevronIcon className={cn("transition-transform", open ? "-rotate-90" : "rotate-90")} />
        </button>
      </h3>
      <div id={bodyId} hidden={!open} className="flex flex-col gap-4 pt-3 pb-1">
        {children}
      </div>
    </section>
  );
}
