/**
 * What the baseline page exposes to the benchmark as `window.__baseline`: the benchmark hands it
 * the emulator's chunks and reads back how far it got, so the page needs no network of its own.
 */
export interface BaselineProgress {
  /** `performance.now()` when the stream started, or null before. */
  startedAt: number | null;
  /** When the last chunk was handed to React, or when the benchmark gave up on the page. */
  endedAt: number | null;
  appended: number;
  total: number;
  /** The benchmark stopped the stream before its end (the page did not keep up). */
  stopped: boolean;
}

export interface BaselineControl {
  /** True once React has mounted and the setters are wired. */
  ready: boolean;
  progress: BaselineProgress;
  /** Appends one chunk every `intervalMs`, each with its own setState, as a chat client does. */
  start(chunks: string[], intervalMs: number): void;
  /** Stops appending; returns the page clock at that moment. */
  stop(): number;
}

export type BaselineWindow = { __baseline?: BaselineControl };
