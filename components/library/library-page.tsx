"use client";

import { AccountButton } from "@/components/auth/account-button";
import { ThemeToggle } from "@/components/chat/theme-toggle";
import { BackIcon, LibraryIcon } from "@/components/ui/icons";
import type { LibraryEntry } from "@/lib/library/library-entry";
import type { Theme } from "@/lib/theme";
import { LibraryView } from "./library-view";

export function LibraryPage({ theme, initial }: { theme: Theme; initial: LibraryEntry[] }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex h-14 shrink-0 items-center gap-3 border-b border-border px-4">
        <LibraryIcon className="size-5 shrink-0 text-primary" />
        <h1 className="text-lg font-medium">Library</h1>
        <a href="/" className="flex items-center gap-1 text-sm text-primary hover:underline">
          <BackIcon />
          Back to chat
        </a>
        <div className="ml-auto flex items-center gap-1">
          <ThemeToggle initial={theme} />
          <AccountButton />
        </div>
      </header>
      <main className="flex-1">
        <LibraryView initial={initial} />
      </main>
    </div>
  );
}
