"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import {
  describeMicError,
  errorLabel,
  INSECURE_PAGE_MESSAGE,
  levelFromSamples,
  MAX_RECORDING_SECONDS,
  recordingFileName,
  toWavFile,
  UNSUPPORTED_MESSAGE,
} from "@/lib/media/mic-recording";

/**
 * Microphone recording that ends as a WAV file Gemini accepts. MediaRecorder does the capture
 * (it runs off the main thread, so a busy page never drops audio, and Chromium's fake capture
 * device feeds it like a real one); at stop the WebM/Opus it produced is decoded by an
 * OfflineAudioContext at 16 kHz — decoding resamples to the context's rate — mixed to mono and
 * written as 16-bit PCM. 16 kHz mono is plenty for speech and keeps ten minutes under 20 MB.
 * An AnalyserNode beside the recorder drives the level meter.
 */

export interface Recording {
  file: File;
  /** An object URL of `file` for the preview player; revoked on discard and unmount. */
  url: string;
  durationSeconds: number;
  /** The recording reached the length limit and stopped by itself. */
  stoppedAtLimit: boolean;
}

export type AudioRecorderState =
  | { status: "idle" }
  | { status: "requesting" }
  | { status: "recording"; elapsedSeconds: number }
  | { status: "encoding" }
  | { status: "recorded"; recording: Recording }
  | { status: "error"; message: string };

/** The live microphone level (0–1), read with `useMicLevel` so only the meter re-renders. */
export interface LevelSource {
  subscribe: (listener: () => void) => () => void;
  get: () => number;
}

export interface AudioRecorder {
  state: AudioRecorderState;
  level: LevelSource;
  /** Asks for the microphone and starts recording; call it from the click, for autoplay rules. */
  start: () => void;
  stop: () => void;
  /** Drops the recording or the error and releases everything; back to idle. */
  discard: () => void;
}

interface RecordingEvents {
  onRecording: () => void;
  onTick: (elapsedSeconds: number) => void;
  onLevel: (level: number) => void;
  onStopped: () => void;
  onDone: (result: Omit<Recording, "url">) => void;
  onError: (message: string) => void;
}

/** The meter falls this much per frame, so it reads as a level rather than flicker. */
const LEVEL_FALL_PER_FRAME = 0.03;

/** One attempt, from asking for the microphone to the WAV file; `cancel` silences it for good. */
class MicRecording {
  private stream?: MediaStream;
  private recorder?: MediaRecorder;
  private context?: AudioContext;
  private chunks: Blob[] = [];
  private ticker?: ReturnType<typeof setInterval>;
  private limit?: ReturnType<typeof setTimeout>;
  private frame = 0;
  private startedAt = new Date();
  private hitLimit = false;
  private cancelled = false;
  phase: "requesting" | "recording" | "encoding" | "settled" = "requesting";

  constructor(
    private readonly events: RecordingEvents,
    private readonly maxSeconds: number,
  ) {}

  async start(): Promise<void> {
    // Made before the first await, while the click still counts as a gesture, so the autoplay
    // policy lets it run. It only feeds the meter: recording works without it.
    try {
      this.context = new AudioContext();
    } catch {
      this.context = undefined;
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      return this.fail(describeMicError(error));
    }
    if (this.cancelled) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    this.stream = stream;
    try {
      const recorder = new MediaRecorder(stream);
      recorder.ondataavailable = (e) => {
        if (e.data.size > 0) this.chunks.push(e.data);
      };
      // Also fires when the device goes away mid-recording: what was captured is kept.
      recorder.onstop = () => void this.finish();
      recorder.start();
      this.recorder = recorder;
    } catch (error) {
      return this.fail(`Could not start recording (${errorLabel(error)}).`);
    }
    this.phase = "recording";
    this.startedAt = new Date();
    this.watchLevel(stream);
    const began = performance.now();
    let shown = 0;
    this.ticker = setInterval(() => {
      const elapsed = Math.floor((performance.now() - began) / 1000);
      if (elapsed === shown) return;
      shown = elapsed;
      this.events.onTick(elapsed);
    }, 200);
    // A timer, not the animation frame: it must fire in a background tab too.
    this.limit = setTimeout(() => {
      this.hitLimit = true;
      this.stop();
    }, this.maxSeconds * 1000);
    this.events.onRecording();
  }

  stop(): void {
    if (this.phase !== "recording") return;
    if (this.recorder && this.recorder.state !== "inactive") this.recorder.stop();
    // The recorder has what it needs; the microphone indicator goes off now, not after encoding.
    this.release();
  }

  cancel(): void {
    this.cancelled = true;
    if (this.recorder && this.recorder.state !== "inactive") {
      this.recorder.onstop = null;
      this.recorder.stop();
    }
    this.release();
  }

  private watchLevel(stream: MediaStream): void {
    const context = this.context;
    if (!context) return;
    let analyser: AnalyserNode;
    try {
      analyser = context.createAnalyser();
      analyser.fftSize = 1024;
      context.createMediaStreamSource(stream).connect(analyser);
    } catch {
      return; // No meter in a browser that can't tap the stream; the recording is unaffected.
    }
    if (context.state === "suspended") context.resume().catch(() => undefined);
    const samples = new Float32Array(analyser.fftSize);
    let shown = 0;
    const tick = () => {
      analyser.getFloatTimeDomainData(samples);
      const now = levelFromSamples(samples);
      shown = now >= shown ? now : Math.max(now, shown - LEVEL_FALL_PER_FRAME);
      this.events.onLevel(shown);
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  private async finish(): Promise<void> {
    this.release();
    if (this.cancelled) return;
    this.phase = "encoding";
    this.events.onStopped();
    try {
      const encoded = new Blob(this.chunks, { type: this.recorder?.mimeType });
      this.chunks = [];
      if (encoded.size === 0) return this.fail("Nothing was recorded. Try again.");
      const { file, durationSeconds } = await toWavFile(encoded, recordingFileName(this.startedAt));
      if (this.cancelled) return;
      this.phase = "settled";
      this.events.onDone({ file, durationSeconds, stoppedAtLimit: this.hitLimit });
    } catch (error) {
      if (this.cancelled) return;
      this.fail(`The recording couldn't be converted to WAV (${errorLabel(error)}). Record again.`);
    }
  }

  private fail(message: string): void {
    this.release();
    if (this.cancelled) return;
    this.phase = "settled";
    this.events.onError(message);
  }

  /** Idempotent: releases the microphone, the audio graph and the timers. */
  private release(): void {
    cancelAnimationFrame(this.frame);
    clearInterval(this.ticker);
    clearTimeout(this.limit);
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.context?.close().catch(() => undefined);
    this.context = undefined;
    this.events.onLevel(0);
  }
}

function createLevelStore() {
  let value = 0;
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    get: () => value,
    /** Rounded to hundredths, so a steady level doesn't re-render the meter every frame. */
    set: (next: number) => {
      const rounded = Math.round(next * 100) / 100;
      if (rounded === value) return;
      value = rounded;
      for (const listener of listeners) listener();
    },
  };
}

/** The current microphone level; re-renders only the component that calls it. */
export function useMicLevel(source: LevelSource): number {
  return useSyncExternalStore(source.subscribe, source.get, () => 0);
}

/**
 * idle → requesting → recording → encoding → recorded, or error from any step. Whatever the
 * state, `discard` and unmounting release the microphone and revoke the preview URL.
 */
export function useAudioRecorder(maxSeconds = MAX_RECORDING_SECONDS): AudioRecorder {
  const [state, setState] = useState<AudioRecorderState>({ status: "idle" });
  const [level] = useState(createLevelStore);
  const current = useRef<MicRecording | null>(null);
  const previewUrl = useRef<string | null>(null);

  const release = useCallback(() => {
    current.current?.cancel();
    current.current = null;
    if (previewUrl.current) URL.revokeObjectURL(previewUrl.current);
    previewUrl.current = null;
  }, []);

  useEffect(() => release, [release]);

  const start = useCallback(() => {
    if (current.current && current.current.phase !== "settled") return;
    release();
    if (!navigator.mediaDevices?.getUserMedia) {
      setState({ status: "error", message: INSECURE_PAGE_MESSAGE });
      return;
    }
    if (typeof MediaRecorder === "undefined") {
      setState({ status: "error", message: UNSUPPORTED_MESSAGE });
      return;
    }
    const recording = new MicRecording(
      {
        onRecording: () => setState({ status: "recording", elapsedSeconds: 0 }),
        onTick: (elapsedSeconds) => setState({ status: "recording", elapsedSeconds }),
        onLevel: level.set,
        onStopped: () => setState({ status: "encoding" }),
        onDone: (result) => {
          const url = URL.createObjectURL(result.file);
          previewUrl.current = url;
          setState({ status: "recorded", recording: { ...result, url } });
        },
        onError: (message) => setState({ status: "error", message }),
      },
      maxSeconds,
    );
    current.current = recording;
    setState({ status: "requesting" });
    void recording.start();
  }, [release, level, maxSeconds]);

  const discard = useCallback(() => {
    release();
    setState({ status: "idle" });
  }, [release]);

  // Stopping before the microphone answered means never mind: nothing was recorded to keep.
  const stop = useCallback(() => {
    if (current.current?.phase === "requesting") discard();
    else current.current?.stop();
  }, [discard]);

  return { state, level, start, stop, discard };
}
