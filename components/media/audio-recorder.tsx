"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { StopIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { useAudioRecorder } from "@/lib/hooks/use-audio-recorder";
import { formatClock } from "./format-clock";
import { LevelMeter } from "./level-meter";
import { MicIcon } from "./recorder-icons";
import { type PanelAlign, RecorderBusy, RecorderError, RecordingPreview } from "./recorder-panels";

export interface AudioRecorderProps {
  /** Receives the WAV file when the person chooses "Attach recording". */
  onAttach: (file: File) => void;
  /** No new recording and no attaching; a recording under way can still be stopped. */
  disabled?: boolean;
  /** Which edge of the button the pop-up lines up with: "start" at the left of a toolbar. */
  align?: PanelAlign;
}

/**
 * "Record audio" for the prompt toolbar. One button records and stops (its name says which),
 * with a live level and a timer beside it while recording; the result pops up above to play,
 * attach or discard. The recorder's own state lives here, so its ticks re-render this control
 * and the level re-renders only the meter — never the prompt box around it.
 */
export function AudioRecorder({ onAttach, disabled = false, align = "start" }: AudioRecorderProps) {
  const { state, level, start, stop, discard } = useAudioRecorder();
  const button = useRef<HTMLButtonElement>(null);
  const attachButton = useRef<HTMLButtonElement>(null);
  const recording = state.status === "recording";
  // Unavailable but still focusable (aria-disabled), so focus stays on the button throughout.
  const waiting =
    state.status === "requesting" || state.status === "encoding" || state.status === "recorded";

  // Stopped from the keyboard: carry focus on to the result, not back to the page.
  useEffect(() => {
    if (state.status === "recorded" && document.activeElement === button.current) {
      attachButton.current?.focus();
    }
  }, [state.status]);

  const close = () => {
    discard();
    button.current?.focus();
  };

  return (
    <div className="relative flex items-center">
      <div
        className={cn(
          "flex h-10 items-center gap-2 rounded-full border border-transparent",
          recording && "border-danger-line bg-danger-soft pr-3 text-danger",
        )}
      >
        <Button
          ref={button}
          variant="ghost"
          size="icon"
          aria-label={recording ? "Stop recording" : "Record audio"}
          title={
            recording
              ? "Stop recording"
              : state.status === "recorded"
                ? "Attach or discard the recording first"
                : "Record audio from the microphone"
          }
          aria-disabled={waiting || undefined}
          disabled={disabled && !recording}
          onClick={() => {
            if (recording) stop();
            else if (!waiting) start();
          }}
          className={cn(
            recording && "text-danger hover:bg-danger-line/50 hover:text-danger",
            waiting && "cursor-not-allowed opacity-50 hover:bg-transparent",
          )}
        >
          {recording ? <StopIcon /> : <MicIcon />}
        </Button>
        {recording && (
          <>
            <LevelMeter source={level} />
            <span role="timer" className="min-w-8 text-sm tabular-nums">
              {formatClock(state.elapsedSeconds)}
            </span>
          </>
        )}
      </div>
      {state.status === "encoding" && <RecorderBusy align={align} />}
      {state.status === "error" && (
        <RecorderError message={state.message} align={align} onDismiss={close} />
      )}
      {state.status === "recorded" && (
        <RecordingPreview
          recording={state.recording}
          align={align}
          disabled={disabled}
          attachRef={attachButton}
          onDiscard={close}
          onAttach={() => {
            onAttach(state.recording.file);
            close();
          }}
        />
      )}
    </div>
  );
}
