"use client";

import { type LevelSource, useMicLevel } from "@/lib/hooks/use-audio-recorder";

/**
 * The live microphone level. It reads the level source itself, so the per-frame updates
 * re-render this bar and nothing around it.
 */
export function LevelMeter({ source }: { source: LevelSource }) {
  const level = useMicLevel(source);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <meter> can't be styled alike across browsers, and tests read aria-valuenow.
    <div
      role="meter"
      aria-label="Microphone level"
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={level}
      aria-valuetext={`${Math.round(level * 100)}%`}
      className="h-1.5 w-14 overflow-hidden rounded-full bg-danger-line"
    >
      <div
        className="h-full origin-left rounded-full bg-danger"
        style={{ transform: `scaleX(${level})` }}
      />
    </div>
  );
}
