/**
 * What a run keeps of Google Search grounding and URL context. Declared here, narrowly, rather
 * than taken from the SDK: enum values are read as strings (new ones must not break the fold),
 * and only what the answer view shows is kept.
 */

export interface GroundingChunk {
  web?: { uri?: string; title?: string; domain?: string };
  retrievedContext?: { uri?: string; title?: string };
}

export interface GroundingSupport {
  /** Offsets are UTF-8 byte positions in the answer's text; `startIndex` is absent when 0. */
  segment?: { startIndex?: number; endIndex?: number; text?: string; partIndex?: number };
  groundingChunkIndices?: number[];
}

export interface RunGrounding {
  webSearchQueries?: string[];
  groundingChunks?: GroundingChunk[];
  groundingSupports?: GroundingSupport[];
  /** HTML and CSS Google requires be shown as given; rendered in a sandboxed frame only. */
  searchEntryPoint?: { renderedContent?: string };
}

export interface UrlMetadata {
  retrievedUrl?: string;
  urlRetrievalStatus?: string;
}

export interface RunUrlContext {
  urlMetadata?: UrlMetadata[];
}

function isNonEmptyObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.keys(value).length > 0;
}

/**
 * Streams send `groundingMetadata: {}` on every intermediate chunk and the full metadata with the
 * last one; URL context comes on the first chunk and may not be repeated. So an empty object
 * never erases what arrived, and fields that do arrive replace their earlier values.
 */
export function mergeMetadata<T extends object>(
  previous: T | undefined,
  next: unknown,
): T | undefined {
  if (!isNonEmptyObject(next)) return previous;
  return previous ? { ...previous, ...(next as T) } : (next as T);
}

/** A source as the answer lists it: a link only when it is an http(s) URL. */
export interface GroundingSource {
  /** 1-based, as citation markers number them. */
  number: number;
  title: string;
  href?: string;
}

export function safeHttpUrl(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    const url = new URL(uri);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function groundingSources(grounding: RunGrounding | undefined): GroundingSource[] {
  return (grounding?.groundingChunks ?? []).map((chunk, i) => {
    const source = chunk.web ?? chunk.retrievedContext ?? {};
    const href = safeHttpUrl(source.uri);
    const title = source.title || (href ? new URL(href).hostname : `Source ${i + 1}`);
    return { number: i + 1, title, ...(href ? { href } : {}) };
  });
}

const URL_STATUS_LABELS: Record<string, string> = {
  URL_RETRIEVAL_STATUS_SUCCESS: "Retrieved",
  URL_RETRIEVAL_STATUS_ERROR: "Failed",
  URL_RETRIEVAL_STATUS_PAYWALL: "Paywalled",
  URL_RETRIEVAL_STATUS_UNSAFE: "Unsafe, skipped",
  URL_RETRIEVAL_STATUS_UNSPECIFIED: "Unknown",
};

export function urlStatusLabel(status: string | undefined): string {
  if (!status) return "Unknown";
  return URL_STATUS_LABELS[status] ?? status.replace(/^URL_RETRIEVAL_STATUS_/, "").toLowerCase();
}

export function urlRetrieved(status: string | undefined): boolean {
  return status === "URL_RETRIEVAL_STATUS_SUCCESS";
}
