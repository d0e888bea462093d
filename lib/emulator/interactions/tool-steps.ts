/**
 * What a model's built-in tools did, as interaction steps read off the native plan: Google Search
 * (`google_search_call` / `_result`, the queries and the suggestions widget), Google Maps (the
 * places and the widget token) and URL context (the URLs and how each fetch went); and the
 * answer's citations, as the `url_citation`s and `place_citation`s of a `text_annotation_delta`,
 * at the native supports' UTF-8 byte offsets.
 */
import type { GenerationPlan } from "@/lib/emulator/native/plan";
import type { JsonObject } from "@/lib/emulator/types";
import { newCallId } from "./interaction-ids";
import { isObject } from "./schema-walk";
import type { StepScript } from "./step-script";

export function citations(plan: GenerationPlan): JsonObject[] {
  const metadata = plan.groundingMetadata;
  if (!metadata) return [];
  const chunks = Array.isArray(metadata.groundingChunks) ? metadata.groundingChunks : [];
  const supports = Array.isArray(metadata.groundingSupports) ? metadata.groundingSupports : [];
  const annotations: JsonObject[] = [];
  for (const support of supports.filter(isObject)) {
    const segment = isObject(support.segment) ? support.segment : {};
    const indices = Array.isArray(support.groundingChunkIndices)
      ? support.groundingChunkIndices
      : [];
    for (const index of indices) {
      const chunk = typeof index === "number" ? chunks[index] : undefined;
      if (!isObject(chunk)) continue;
      const span = {
        start_index: typeof segment.startIndex === "number" ? segment.startIndex : 0,
        end_index: typeof segment.endIndex === "number" ? segment.endIndex : 0,
      };
      if (isObject(chunk.maps)) {
        const { uri, title, placeId } = chunk.maps;
        annotations.push({
          type: "place_citation",
          name: title ?? null,
          place_id: placeId ?? null,
          url: uri ?? null,
          ...span,
        });
      } else if (isObject(chunk.web)) {
        const { uri, title } = chunk.web;
        annotations.push({ type: "url_citation", url: uri ?? null, title: title ?? null, ...span });
      }
    }
  }
  return annotations;
}

export function toolSteps(plan: GenerationPlan, out: StepScript, at: number): void {
  const metadata = plan.groundingMetadata;
  const queries = metadata?.webSearchQueries;
  if (Array.isArray(queries) && queries.length > 0) {
    const id = newCallId();
    out.start(at, { type: "google_search_call", id });
    out.delta(at, { type: "google_search_call", arguments: { queries } });
    const entry = isObject(metadata?.searchEntryPoint) ? metadata.searchEntryPoint : {};
    out.start(at, { type: "google_search_result", call_id: id });
    out.delta(at, {
      type: "google_search_result",
      result: [{ search_suggestions: entry.renderedContent ?? "" }],
    });
  }
  const places = (Array.isArray(metadata?.groundingChunks) ? metadata.groundingChunks : [])
    .filter(isObject)
    .map((chunk) => chunk.maps)
    .filter(isObject);
  if (places.length > 0) {
    const id = newCallId();
    out.start(at, { type: "google_maps_call", id });
    const result: JsonObject = {
      places: places.map((place) => ({
        name: place.title ?? null,
        place_id: place.placeId ?? null,
        url: place.uri ?? null,
      })),
    };
    const token = metadata?.googleMapsWidgetContextToken;
    if (typeof token === "string") result.widget_context_token = token;
    out.start(at, { type: "google_maps_result", call_id: id });
    out.delta(at, { type: "google_maps_result", result: [result] });
  }
  const urls = plan.urlContextMetadata?.urlMetadata;
  if (Array.isArray(urls) && urls.length > 0) {
    const id = newCallId();
    const list = urls.filter(isObject);
    out.start(at, { type: "url_context_call", id });
    out.delta(at, {
      type: "url_context_call",
      arguments: { urls: list.map((item) => item.retrievedUrl ?? null) },
    });
    out.start(at, { type: "url_context_result", call_id: id });
    out.delta(at, {
      type: "url_context_result",
      result: list.map((item) => ({
        url: item.retrievedUrl ?? null,
        status: item.urlRetrievalStatus === "URL_RETRIEVAL_STATUS_SUCCESS" ? "success" : "error",
      })),
    });
  }
}
