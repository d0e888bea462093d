import { WIDE_LABEL_ONLY } from "@/components/ui/button";
import { LibraryIcon } from "@/components/ui/icons";

/** To the team's saved prompts. */
export function LibraryLink() {
  return (
    <a
      href="/library"
      title="The team's saved prompts"
      className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-full px-3 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground max-2xl:px-2"
    >
      <LibraryIcon />
      <span className={WIDE_LABEL_ONLY}>Library</span>
    </a>
  );
}
