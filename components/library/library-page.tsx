"use client";

import { LibraryIcon } from "@/components/ui/icons";
import type { LibraryEntry } from "@/lib/library/library-entry";
import type { Theme } from "@/lib/theme";
import { LibraryView } from "./library-view";
import { SubpageHeader } from "./subpage-header";

export function LibraryPage({ theme, initial }: { theme: Theme; initial: LibraryEntry[] }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SubpageHeader
        icon={<LibraryIcon className="size-5 shrink-0 text-primary" />}
        title="Library"
        theme={theme}
      />
      <main className="flex-1">
        <LibraryView initial={initial} />
      </main>
    </div>
  );
}
