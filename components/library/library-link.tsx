import { WIDE_LABEL_ONLY } from "@/components/ui/button";
import { HistoryIcon, LibraryIcon } from "@/components/ui/icons";

// On a phone they are in the header's "More" menu (components/chat/phone-menu.tsx).
const LINK =
  "max-sm:hidden inline-flex h-8 shrink-0 items-center gap-1.5 rounded-full px-3 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground max-2xl:px-2";

/** Every run the person made. */
export function HistoryLink() {
  return (
    <a href="/history" title="Every run you made, kept by the server" className={LINK}>
      <HistoryIcon />
      <span className={WIDE_LABEL_ONLY}>History</span>
    </a>
  );
}

/** To the team's saved prompts. */
export function LibraryLink() {
  return (
    <a href="/library" title="The team's saved prompts" className={LINK}>
      <LibraryIcon />
      <span className={WIDE_LABEL_ONLY}>Library</span>
    </a>
  );
}
