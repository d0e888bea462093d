"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { CodeIcon } from "@/components/ui/icons";
import type { PromptDoc } from "@/lib/prompt";
import { GetCodeDialog } from "./get-code-dialog";

/**
 * "Get code" for the document `read` gives when the dialog opens (the chat's draft with the
 * words waiting in the prompt box, or one compare column's request). With `shortcut`,
 * Ctrl/Cmd+Shift+C opens it from anywhere on the page.
 */
export function GetCodeButton({
  read,
  shortcut = false,
  className,
  labelClassName,
}: {
  read: () => PromptDoc | null;
  shortcut?: boolean;
  className?: string;
  /** How the word shows beside the icon (header buttons hide it when the window is narrow). */
  labelClassName?: string;
}) {
  const [doc, setDoc] = useState<PromptDoc | null>(null);
  const open = () => setDoc(read());

  useEffect(() => {
    if (!shortcut) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === "c") {
        if (document.querySelector("dialog[open]")) return;
        e.preventDefault();
        setDoc(read());
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [shortcut, read]);

  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        className={className}
        onClick={open}
        title="Get code (Ctrl+Shift+C)"
      >
        <CodeIcon />
        <span className={labelClassName}>Get code</span>
      </Button>
      {doc && <GetCodeDialog open onClose={() => setDoc(null)} doc={doc} />}
    </>
  );
}
