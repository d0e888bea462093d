/**
 * The URL context tool, offline: every http(s) URL in the last user turn is "retrieved" (hosts
 * under the reserved `.invalid` TLD fail, so clients can show a failed retrieval), reported in
 * `urlContextMetadata`, and mentioned in a section of the answer that grounding supports point at.
 */

import type { JsonObject } from "@/lib/emulator/types";
import type { GroundedSentence, Source } from "./grounding";

/** Google reads at most 20 URLs per request. */
const MAX_URLS = 20;
const TOKENS_PER_PAGE = 640;

export interface UrlPlan {
  sources: Source[];
  sentences: GroundedSentence[];
  section: string;
  metadata: JsonObject;
  toolUseTokens: number;
}

export function findUrls(text: string): string[] {
  const found = (text.match(/https?:\/\/[^\s<>()"'`[\]{}]+/g) ?? []).map((url) =>
    url.replace(/[.,;:!?]+$/, ""),
  );
  return [...new Set(found)].slice(0, MAX_URLS);
}

function retrievable(url: string): boolean {
  try {
    return !new URL(url).hostname.endsWith(".invalid");
  } catch {
    return false;
  }
}

export function planUrlContext(text: string): UrlPlan | undefined {
  const urls = findUrls(text);
  if (urls.length === 0) return undefined;
  const sources: Source[] = [];
  const sentences: GroundedSentence[] = [];
  const urlMetadata: JsonObject[] = [];
  for (const url of urls) {
    const ok = retrievable(url);
    urlMetadata.push({
      retrievedUrl: url,
      urlRetrievalStatus: ok ? "URL_RETRIEVAL_STATUS_SUCCESS" : "URL_RETRIEVAL_STATUS_ERROR",
    });
    if (ok) {
      sources.push({ uri: url, title: new URL(url).hostname });
      sentences.push({
        text: `The page at ${url} was read for this answer, and its main points are folded in here.`,
        chunks: [sources.length - 1],
      });
    } else {
      sentences.push({
        text: `The page at ${url} could not be retrieved, so nothing from it is used.`,
        chunks: [],
      });
    }
  }
  const section = ["### Pages read", "", ...sentences.map((sentence) => `- ${sentence.text}`)].join(
    "\n",
  );
  return {
    sources,
    sentences,
    section,
    metadata: { urlMetadata },
    toolUseTokens: 32 * urls.length + TOKENS_PER_PAGE * sources.length,
  };
}
