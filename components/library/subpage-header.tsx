import type { ReactNode } from "react";
import { AccountButton } from "@/components/auth/account-button";
import { ThemeToggle } from "@/components/chat/theme-toggle";
import { BackIcon } from "@/components/ui/icons";
import type { Theme } from "@/lib/theme";

const PAGES = [
  { href: "/library", title: "Library" },
  { href: "/history", title: "History" },
  { href: "/usage", title: "Usage" },
];

/**
 * The bar of a page beside the playground (the library, the history, usage): its name, the way
 * back, and the way to the others.
 */
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
      <nav aria-label="Pages" className="ml-auto flex items-center gap-3 text-sm max-sm:hidden">
        {PAGES.filter((page) => page.title !== title).map((page) => (
          <a
            key={page.href}
            href={page.href}
            className="text-muted-foreground hover:text-foreground"
          >
            {page.title}
          </a>
        ))}
      </nav>
      <div className="flex items-center gap-1 max-sm:ml-auto">
        <ThemeToggle initial={theme} />
        <AccountButton />
      </div>
    </header>
  );
}
