"use client";

import { useContents } from "@/lib/store";
import { TurnView } from "./turn-view";

/** The conversation so far. Selects only `contents`, which is stable while an answer streams. */
export function MessageList() {
  const contents = useContents();
  return (
    <>
      {contents.map((turn, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: turns are only appended or cleared, never reordered.
        <TurnView key={index} turn={turn} index={index} />
      ))}
    </>
  );
}
