import type { ReactNode } from "react";
import { AccountButton } from "@/components/auth/account-button";
import { ThemeToggle } from "@/components/chat/theme-toggle";
import { BackIcon } from "@/components/ui/icons";
import type { Theme } from "@/lib/theme";

/** The bar of a page beside the playground (the library, the history): its name, and the way back. */
export function SubpageHeader({
  icon,
  title,
  theme,
}: {
  icon: ReactNode;
  title: string;
  theme: Theme;
}) {
  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-border px-4">
      {icon}
      <h1 className="text-lg font-medium">{title}</h1>
      <a href="/" className="flex items-center gap-1 text-sm text-primary hover:underline">
        <BackIcon />
        Back to chat
      </a>
      <div className="ml-auto flex items-center gap-1">
        <ThemeToggle initial={theme} />
        <AccountButton />
      </div>
    </header>
  );
}
