/**
 * `groundingMetadata` for the final answer text. Segment offsets are UTF-8 byte offsets, as the
 * real API sends them (a `startIndex` of 0 is omitted, proto3-style); a sentence that did not
 * survive stop sequences or maxOutputTokens gets no support.
 */

import type { JsonObject } from "@/lib/emulator/types";
import type { GroundedSentence, SearchPlan, Source } from "./grounding";
import type { MapsPlan } from "./maps-grounding";
import { searchEntryPoint } from "./search-entry-point";
import type { UrlPlan } from "./url-context";

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

interface Group {
  sources: Source[];
  sentences: GroundedSentence[];
}

function chunk(source: Source): JsonObject {
  const { uri, title, placeId } = source;
  return placeId ? { maps: { uri, title, placeId } } : { web: { uri, title } };
}

export function groundingMetadata(
  answer: string,
  search: SearchPlan | undefined,
  urls: UrlPlan | undefined,
  withConfidence: boolean,
  maps?: MapsPlan,
): JsonObject | undefined {
  const groups: Group[] = [];
  for (const group of [search, urls, maps]) if (group) groups.push(group);
  const sources = groups.flatMap((group) => group.sources);
  if (sources.length === 0) return undefined;
  const supports: JsonObject[] = [];
  let offset = 0;
  let from = 0;
  for (const group of groups) {
    for (const sentence of group.sentences) {
      const at = answer.indexOf(sentence.text, from);
      if (at < 0 || sentence.chunks.length === 0) continue;
      from = at + sentence.text.length;
      const startIndex = utf8Length(answer.slice(0, at));
      const endIndex = startIndex + utf8Length(sentence.text);
      const segment: JsonObject =
        startIndex > 0
          ? { startIndex, endIndex, text: sentence.text }
          : { endIndex, text: sentence.text };
      const support: JsonObject = {
        segment,
        groundingChunkIndices: sentence.chunks.map((chunk) => chunk + offset),
      };
      if (withConfidence) support.confidenceScores = sentence.chunks.map((_, i) => 0.92 - 0.11 * i);
      supports.push(support);
    }
    offset += group.sources.length;
  }
  const groundingChunks = sources.map(chunk);
  // The widget token comes last, after the search fields (Vertex AI's Maps grounding sample).
  const widget: JsonObject = maps?.widgetToken
    ? { googleMapsWidgetContextToken: maps.widgetToken }
    : {};
  if (!search) return { groundingChunks, groundingSupports: supports, ...widget };
  return {
    searchEntryPoint: { renderedContent: searchEntryPoint(search.queries) },
    groundingChunks,
    groundingSupports: supports,
    webSearchQueries: search.queries,
    ...widget,
  };
}
