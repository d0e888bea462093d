"use client";

import dynamic from "next/dynamic";
import { memo, Suspense, useMemo } from "react";
import { withCitations } from "@/lib/run/citations";
import type { RunGrounding } from "@/lib/run/grounding";
import type { RunPart } from "@/lib/run/reducer";
import { toSegments } from "@/lib/run/segments";
import { Pre } from "./card";
import { fenced } from "./code-execution";
import { Markdown } from "./markdown";
import { PartBlock } from "./part-blocks";
import { Thoughts } from "./thoughts";

// The JSON Schema validator is only needed for structured-output answers.
const JsonAnswer = dynamic(() => import("./json-answer"));

export interface JsonFormat {
  schema?: Record<string, unknown>;
}

interface AnswerBodyProps {
  parts: readonly RunPart[];
  /** The answer is still arriving: only its last segment can change. */
  streaming?: boolean;
  /** Search grounding: citation markers go after the spans it supports. */
  grounding?: RunGrounding;
  /** The run asked for JSON: the prose is formatted and checked against the schema. */
  json?: JsonFormat;
}

/** A model turn's content in order: thoughts, prose, tool calls, media. */
export const AnswerBody = memo(function AnswerBody({
  parts,
  streaming = false,
  grounding,
  json,
}: AnswerBodyProps) {
  const segments = useMemo(
    () => toSegments(streaming ? parts : withCitations(parts, grounding)),
    [parts, streaming, grounding],
  );
  return (
    <div className="flex min-w-0 flex-col gap-3">
      {segments.map((segment, i) => {
        const live = streaming && i === segments.length - 1;
        if (segment.kind === "markdown") {
          if (!json) return <Markdown key={segment.key} text={segment.text} streaming={live} />;
          if (live)
            return <Markdown key={segment.key} text={fenced(segment.text, "json")} streaming />;
          return (
            <Suspense key={segment.key} fallback={<Pre>{segment.text}</Pre>}>
              <JsonAnswer text={segment.text} schema={json.schema} />
            </Suspense>
          );
        }
        if (segment.kind === "thoughts") {
          return <Thoughts key={segment.key} text={segment.text} thinking={live} />;
        }
        return <PartBlock key={segment.key} part={segment.part} />;
      })}
    </div>
  );
});
