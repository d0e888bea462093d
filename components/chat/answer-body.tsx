"use client";

import { memo, useMemo } from "react";
import type { RunPart } from "@/lib/run/reducer";
import { toSegments } from "@/lib/run/segments";
import { Markdown } from "./markdown";
import { PartBlock } from "./part-blocks";
import { Thoughts } from "./thoughts";

interface AnswerBodyProps {
  parts: readonly RunPart[];
  /** The answer is still arriving: only its last segment can change. */
  streaming?: boolean;
}

/** A model turn's content in order: thoughts, prose, tool calls, media. */
export const AnswerBody = memo(function AnswerBody({ parts, streaming = false }: AnswerBodyProps) {
  const segments = useMemo(() => toSegments(parts), [parts]);
  return (
    <div className="flex flex-col gap-3">
      {segments.map((segment, i) => {
        const live = streaming && i === segments.length - 1;
        if (segment.kind === "markdown") {
          return <Markdown key={segment.key} text={segment.text} streaming={live} />;
        }
        if (segment.kind === "thoughts") {
          return <Thoughts key={segment.key} text={segment.text} thinking={live} />;
        }
        return <PartBlock key={segment.key} part={segment.part} />;
      })}
    </div>
  );
});
