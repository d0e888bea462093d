"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SignOutIcon } from "@/components/ui/icons";
import { signOut } from "@/lib/client/session";
import { usePerson } from "./person-context";

/**
 * Who is signed in, and the way out. Someone let in by the team's proxy signs out there, so
 * they see only their name.
 */
export function AccountButton({ className }: { className?: string }) {
  const person = usePerson();
  const [leaving, setLeaving] = useState(false);
  if (!person) return null;
  const name = (
    <span className="max-w-32 truncate text-sm text-muted-foreground max-md:sr-only">
      {person.name}
    </span>
  );
  if (person.via === "proxy") return <span className={className}>{name}</span>;
  return (
    <span className={`flex items-center gap-1 ${className ?? ""}`}>
      {name}
      <Button
        variant="ghost"
        size="icon"
        aria-label="Sign out"
        title={`Signed in as ${person.name}. Sign out`}
        disabled={leaving}
        onClick={async () => {
          setLeaving(true);
          // Signed out or not (the server may be gone), the sign-in page is where this leads.
          await signOut().catch(() => undefined);
          window.location.assign("/sign-in");
        }}
      >
        <SignOutIcon />
      </Button>
    </span>
  );
}
