"use client";

import { useRef } from "react";
import { usePerson } from "@/components/auth/person-context";
import { MoreIcon } from "@/components/ui/icons";
import { signOut } from "@/lib/client/session";

const ITEM = "block rounded-lg px-3 py-2 text-sm hover:bg-muted";

/**
 * On a phone, the header has room for the actions on the prompt itself; the places to go (the
 * library, the history) and signing out sit behind one "More" button instead.
 */
export function PhoneMenu() {
  const person = usePerson();
  const menu = useRef<HTMLDetailsElement>(null);
  return (
    <details ref={menu} className="relative sm:hidden">
      <summary
        aria-label="More"
        title="More"
        className="flex size-8 cursor-pointer list-none items-center justify-center rounded-full text-muted-foreground hover:bg-muted [&::-webkit-details-marker]:hidden"
      >
        <MoreIcon />
      </summary>
      <nav
        aria-label="More"
        className="absolute right-0 z-30 mt-1 flex w-48 flex-col rounded-xl border border-border bg-background p-1 shadow-lg"
      >
        <a href="/library" className={ITEM}>
          Library
        </a>
        <a href="/history" className={ITEM}>
          History
        </a>
        <a href="/usage" className={ITEM}>
          Usage
        </a>
        {person?.via === "code" && (
          <button
            type="button"
            className={`${ITEM} text-left`}
            onClick={async () => {
              await signOut().catch(() => undefined);
              window.location.assign("/sign-in");
            }}
          >
            Sign out ({person.name})
          </button>
        )}
      </nav>
    </details>
  );
}
