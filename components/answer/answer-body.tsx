"use client";

import dynamic from "next/dynamic";
import { memo, Suspense, useMemo } from "react";
import { isDisplayableImage } from "@/lib/media/mime";
import { withCitations } from "@/lib/run/citations";
import type { RunGrounding } from "@/lib/run/grounding";
import type { RunPart } from "@/lib/run/reducer";
import { type Segment, toSegments } from "@/lib/run/segments";
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

type PartSegment = Extract<Segment, { kind: "part" }>;

const isImage = (segment: Segment): segment is PartSegment =>
  segment.kind === "part" &&
  segment.part.kind === "media" &&
  isDisplayableImage(segment.part.mimeType);

/** Images side by side run together as one gallery (Imagen answers with up to four). */
function withGalleries(segments: readonly Segment[]): (Segment | PartSegment[])[] {
  const items: (Segment | PartSegment[])[] = [];
  for (const segment of segments) {
    const last = items.at(-1);
    if (isImage(segment) && Array.isArray(last)) last.push(segment);
    else if (isImage(segment) && last && !Array.isArray(last) && isImage(last)) {
      items[items.length - 1] = [last, segment];
    } else items.push(segment);
  }
  return items;
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
      {withGalleries(segments).map((segment, i, items) => {
        if (Array.isArray(segment)) {
          return (
            <div
              key={(segment[0] as PartSegment).key}
              className="grid grid-cols-[repeat(auto-fill,minmax(min(14rem,100%),1fr))] gap-3"
            >
              {segment.map((image) => (
                <PartBlock key={image.key} part={image.part} />
              ))}
            </div>
          );
        }
        const live = streaming && i === items.length - 1;
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
