"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { useAttachFiles } from "@/lib/hooks/use-attach-files";
import { ACCEPT_ATTRIBUTE } from "@/lib/media/mime";
import { PaperclipIcon } from "./media-icons";

/** "Attach files": the browser's own file picker, several files at once. */
export function AttachButton({ disabled }: { disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const attach = useAttachFiles();
  return (
    <>
      <Button
        variant="ghost"
        size="icon"
        aria-label="Attach files"
        title="Attach images, audio, video, PDFs or text files (or drop or paste them)"
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        <PaperclipIcon />
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        tabIndex={-1}
        aria-hidden="true"
        className="hidden"
        onChange={(e) => {
          if (e.target.files) attach([...e.target.files]);
          // Picking the same file again after removing it must fire onChange again.
          e.target.value = "";
        }}
      />
    </>
  );
}
