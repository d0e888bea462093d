"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { MAX_NAME_LENGTH } from "@/lib/auth/person";
import { RequestError } from "@/lib/client/errors";
import { signIn } from "@/lib/client/session";

const FIELD =
  "h-10 w-full rounded-lg border border-border bg-background px-3 text-sm focus-visible:border-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-primary/20";

/** The team's access code and a name for what this person saves; then back where they were. */
export function SignInForm({ next }: { next: string }) {
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(code, name);
      window.location.assign(next);
    } catch (failure) {
      setError(
        failure instanceof RequestError ? failure.body.message : "Signing in failed. Try again.",
      );
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="flex w-full flex-col gap-4" aria-label="Sign in">
      <label className="flex flex-col gap-1 text-sm font-medium">
        Access code
        {/* A text field, masked: the code is the team's, not a password to save in a browser. */}
        <input
          type="text"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          className={`${FIELD} [-webkit-text-security:disc]`}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Your name
        <input
          type="text"
          autoComplete="name"
          required
          maxLength={MAX_NAME_LENGTH}
          value={name}
          onChange={(e) => setName(e.target.value)}
          className={FIELD}
        />
        <span className="font-normal text-muted-foreground">
          Shown to your team on what you save and run.
        </span>
      </label>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
