import { describe, expect, it } from "vitest";
import { formatClock } from "@/components/media/format-clock";
import {
  describeMicError,
  levelFromSamples,
  MIC_BLOCKED_MESSAGE,
  NO_MIC_MESSAGE,
  recordingFileName,
} from "@/lib/media/mic-recording";

describe("describeMicError", () => {
  it.each([
    ["NotAllowedError", MIC_BLOCKED_MESSAGE],
    ["SecurityError", MIC_BLOCKED_MESSAGE],
    ["NotFoundError", NO_MIC_MESSAGE],
    ["OverconstrainedError", NO_MIC_MESSAGE],
  ])("explains %s", (name, message) => {
    expect(describeMicError(new DOMException("Permission denied", name))).toBe(message);
  });

  it("says what to do when another app holds the microphone", () => {
    expect(
      describeMicError(new DOMException("Could not start audio source", "NotReadableError")),
    ).toMatch(/another app/);
  });

  it("names any other error", () => {
    expect(describeMicError(new DOMException("The operation was aborted.", "AbortError"))).toBe(
      "Could not start recording (AbortError: The operation was aborted.).",
    );
    expect(describeMicError(new TypeError("bad constraints"))).toBe(
      "Could not start recording (TypeError: bad constraints).",
    );
    expect(describeMicError("weird")).toBe("Could not start recording (Error).");
  });

  it("keeps the messages the issue asks for", () => {
    expect(MIC_BLOCKED_MESSAGE).toBe(
      "Microphone access was blocked. Allow the microphone for this site in the browser's settings, then try again.",
    );
    expect(NO_MIC_MESSAGE).toBe(
      "No microphone was found. Connect one, or attach an audio file instead.",
    );
  });
});

describe("recordingFileName", () => {
  it("stamps the local date and time with zero padding", () => {
    expect(recordingFileName(new Date(2026, 10, 24, 11, 35, 1))).toBe(
      "recording-2026-11-24-113501.wav",
    );
    expect(recordingFileName(new Date(2027, 0, 2, 3, 4, 5))).toBe(
      "recording-2027-01-02-030405.wav",
    );
  });
});

describe("levelFromSamples", () => {
  it("maps RMS loudness from -60 dBFS (0) to full scale (1)", () => {
    expect(levelFromSamples(new Float32Array(512))).toBe(0);
    expect(levelFromSamples(new Float32Array(0))).toBe(0);
    expect(levelFromSamples(new Float32Array(512).fill(1))).toBe(1);
    // A square wave of ±0.1 has an RMS of 0.1: -20 dBFS, two thirds up the scale.
    const square = Float32Array.from({ length: 512 }, (_, i) => (i % 2 ? 0.1 : -0.1));
    expect(levelFromSamples(square)).toBeCloseTo(2 / 3, 5);
    // Quieter than the floor reads as nothing rather than going negative.
    expect(levelFromSamples(new Float32Array(512).fill(0.0005))).toBe(0);
  });
});

describe("formatClock", () => {
  it.each([
    [0, "0:00"],
    [7.9, "0:07"],
    [60, "1:00"],
    [754, "12:34"],
    [600, "10:00"],
    [-3, "0:00"],
    [Number.NaN, "0:00"],
  ])("shows %s s as %s", (seconds, text) => {
    expect(formatClock(seconds)).toBe(text);
  });
});
