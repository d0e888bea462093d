"use client";

import {
  type ClipboardEvent,
  type DragEvent,
  type FormEvent,
  type KeyboardEvent,
  useId,
  useState,
} from "react";
import { AttachButton } from "@/components/media/attach-button";
import { AttachmentTray } from "@/components/media/attachment-tray";
import { AudioRecorder } from "@/components/media/audio-recorder";
import { Button } from "@/components/ui/button";
import { PlayIcon, StopIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { useAttachFiles } from "@/lib/hooks/use-attach-files";
import {
  useCanSendChat,
  useDraftActions,
  useIsRunning,
  usePromptText,
  useRunActions,
} from "@/lib/store";
import { AddToChatMenu } from "./add-to-chat-menu";
import { RunStatus } from "./run-status";
import { TokenCount } from "./token-count";

/**
 * The prompt box at the bottom: Ctrl/Cmd+Enter or Run sends it, Stop ends the answer, "Add to
 * chat" files it as a turn without running. Files come in by the picker, by dropping them on
 * the box or by pasting, and wait in the tray above the text until Run. Typing changes only `promptText`, which nothing in
 * the conversation selects, so keystrokes never re-render the message list.
 */
export function Composer() {
  const countId = useId();
  const text = usePromptText();
  const canSendChat = useCanSendChat();
  const running = useIsRunning();
  const { setPromptText } = useDraftActions();
  const { run, stop } = useRunActions();
  const attach = useAttachFiles();
  const [dragging, setDragging] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      run();
    }
  };

  const onPaste = (e: ClipboardEvent) => {
    const files = [...e.clipboardData.files];
    if (files.length === 0) return;
    // A copied file also carries its name as text; the file is what was meant.
    e.preventDefault();
    attach(files);
  };
  const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes("Files");
  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setDragging(false);
    attach([...e.dataTransfer.files]);
  };

  return (
    <form
      onSubmit={onSubmit}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
      className={cn(
        "relative rounded-2xl border border-border bg-background shadow-sm focus-within:border-primary focus-within:ring-2 focus-within:ring-primary/20",
        dragging && "border-primary ring-2 ring-primary/40",
      )}
    >
      {dragging && (
        <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center rounded-2xl bg-primary/10 text-sm font-medium text-primary">
          Drop files to attach them
        </div>
      )}
      <AttachmentTray />
      <textarea
        id="prompt-box"
        aria-label="Prompt"
        aria-describedby={countId}
        value={text}
        onChange={(e) => setPromptText(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        placeholder="Type something… (Ctrl+Enter to run)"
        rows={2}
        className="block max-h-72 min-h-16 w-full resize-none rounded-t-2xl bg-transparent px-4 pt-3 pb-1 [field-sizing:content] focus-visible:outline-none"
      />
      <div className="flex flex-wrap items-center gap-2 px-3 pb-3">
        <AttachButton />
        <AudioRecorder onAttach={(file) => attach([file])} />
        <RunStatus />
        <div className="ml-auto flex shrink-0 items-center gap-2">
          <TokenCount id={countId} />
          <AddToChatMenu />
          {running && (
            <Button variant="secondary" size="md" onClick={() => stop()}>
              <StopIcon />
              Stop
            </Button>
          )}
          <Button type="submit" variant="primary" size="md" disabled={!canSendChat}>
            <PlayIcon />
            Run
            <span aria-hidden="true" className="ml-1 text-xs opacity-75 max-sm:hidden">
              Ctrl ↵
            </span>
          </Button>
        </div>
      </div>
    </form>
  );
}
