"use client";

import type { ReactNode, Ref } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import type { Recording } from "@/lib/hooks/use-audio-recorder";
import { MAX_RECORDING_SECONDS } from "@/lib/media/mic-recording";
import { formatClock } from "./format-clock";

export type PanelAlign = "start" | "end";

/**
 * The pop-ups of the audio recorder float above its button, over the prompt text, so a
 * recording or an error never reflows the toolbar it sits in.
 */
function Panel({
  align,
  tone = "default",
  children,
}: {
  align: PanelAlign;
  tone?: "default" | "error";
  children: ReactNode;
}) {
  return (
    <div
      className={cn(
        "absolute bottom-full z-20 mb-2 w-[22rem] max-w-[calc(100vw-2rem)] rounded-xl border p-3 text-sm shadow-lg",
        align === "end" ? "right-0" : "left-0",
        tone === "error"
          ? "border-danger-line bg-danger-soft text-danger"
          : "border-border bg-background text-foreground",
      )}
    >
      {children}
    </div>
  );
}

interface PreviewProps {
  recording: Recording;
  align: PanelAlign;
  disabled: boolean;
  onAttach: () => void;
  onDiscard: () => void;
  attachRef: Ref<HTMLButtonElement>;
}

/** Listen before sending: the WAV that will be attached, with its length. */
export function RecordingPreview({
  recording,
  align,
  disabled,
  onAttach,
  onDiscard,
  attachRef,
}: PreviewProps) {
  return (
    <Panel align={align}>
      <div className="mb-2 flex items-baseline justify-between gap-2">
        <span className="font-medium">New recording</span>
        <span className="text-xs text-muted-foreground tabular-nums">
          {formatClock(recording.durationSeconds)} · WAV
        </span>
      </div>
      {/* biome-ignore lint/a11y/useMediaCaption: a microphone recording has no caption track. */}
      <audio controls src={recording.url} aria-label="Recording preview" className="h-10 w-full" />
      {recording.stoppedAtLimit && (
        <p className="mt-2 text-xs text-muted-foreground">
          Recording stopped at the {MAX_RECORDING_SECONDS / 60}-minute limit.
        </p>
      )}
      <div className="mt-3 flex justify-end gap-2">
        <Button variant="ghost" size="sm" onClick={onDiscard}>
          Discard recording
        </Button>
        <Button ref={attachRef} variant="primary" size="sm" disabled={disabled} onClick={onAttach}>
          Attach recording
        </Button>
      </div>
    </Panel>
  );
}

export function RecorderError({
  message,
  align,
  onDismiss,
}: {
  message: string;
  align: PanelAlign;
  onDismiss: () => void;
}) {
  return (
    <Panel align={align} tone="error">
      <div className="flex items-start gap-2">
        <p role="alert" className="min-w-0 flex-1 break-words">
          {message}
        </p>
        <Button
          variant="ghost"
          size="sm"
          className="-my-1 text-current hover:bg-danger-line/50"
          onClick={onDismiss}
        >
          Dismiss
        </Button>
      </div>
    </Panel>
  );
}

export function RecorderBusy({ align }: { align: PanelAlign }) {
  return (
    <Panel align={align}>
      <p role="status" className="text-muted-foreground">
        Preparing the recording…
      </p>
    </Panel>
  );
}
