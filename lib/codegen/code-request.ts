import type { PromptDoc } from "@/lib/prompt";
import { type ModelKind, modelKind } from "@/lib/wire/model-kind";
import { toUpstreamRequest, type UpstreamRequest } from "@/lib/wire/request";
import { type MediaOptions, type MediaPlan, planMedia } from "./media-files";
import { unsentNotes } from "./unsent";

/**
 * What every generator prints: the request Run sends, made by Run's own mapping
 * (`toUpstreamRequest`), with a placeholder where each file's bytes or URI go, and what the
 * document holds that the request does not carry.
 */
export interface CodeRequest {
  title?: string;
  upstream: UpstreamRequest;
  media: MediaPlan;
  notes: string[];
  /** The model may answer with function calls, which the code then shows. */
  declaresFunctions: boolean;
  /** "Run in background": only the Interactions API carries it. */
  background: boolean;
  /** "Keep history at Google": only the Interactions API carries it. */
  store: boolean;
}

export interface CodeRequestOptions extends MediaOptions {
  /** The model's kind from the catalogue, as Run has it; otherwise the id decides. */
  kind?: ModelKind;
}

export function codeRequest(doc: PromptDoc, options: CodeRequestOptions = {}): CodeRequest {
  const kind = options.kind ?? modelKind(doc.model);
  // Imagen's request is the last user turn's text alone: no file of the document is sent.
  const media = planMedia(kind === "imagen" ? { ...doc, contents: [] } : doc, options);
  return {
    ...(doc.title?.trim() && { title: doc.title.trim() }),
    upstream: toUpstreamRequest(doc, { media: media.lookup, kind }),
    media,
    notes: unsentNotes(doc, kind),
    declaresFunctions: kind !== "imagen" && (doc.tools.functionDeclarations?.length ?? 0) > 0,
    background: doc.config.background === true,
    store: doc.config.store === true,
  };
}
