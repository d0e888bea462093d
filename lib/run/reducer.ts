import type { AppErrorBody } from "@/lib/errors";
import type { Part } from "@/lib/prompt";
import { fromWirePart, type WirePart } from "@/lib/wire/parts";
import type { ChunkData, RunEvent, RunMeta } from "./events";
import { mergeMetadata, type RunGrounding, type RunUrlContext } from "./grounding";

/**
 * One reducer folds the /api/run event stream into the state of a run, so what a run "is" has
 * exactly one definition; anything that shows a run (the chat today) folds its events here.
 * Pure and allocation-light: it runs once per streamed chunk.
 */

export type RunStatus = "streaming" | "done" | "error" | "stopped";

/** A part of an answer: the document's own kinds, so an answer becomes a turn as it is. */
export type RunPart = Part;

/** Gemini's enums widened to strings: new values must not break the fold. */
export interface RunSafetyRating {
  category: string;
  probability?: string;
  blocked?: boolean;
}

export type RunUsage = NonNullable<ChunkData["usageMetadata"]>;

export interface RunState {
  status: RunStatus;
  parts: RunPart[];
  /** Chunks folded so far: the status line says "Streaming…" once the first arrives. */
  chunks: number;
  finishReason?: string;
  finishMessage?: string;
  safetyRatings?: RunSafetyRating[];
  blockReason?: string;
  blockReasonMessage?: string;
  promptSafetyRatings?: RunSafetyRating[];
  /** Google Search grounding: sources, citation spans and search suggestions (last chunk). */
  groundingMetadata?: RunGrounding;
  /** URL context: which URLs the model fetched and how that went (first chunk). */
  urlContextMetadata?: RunUrlContext;
  /** Running totals: each chunk replaces the previous figures. */
  usage?: RunUsage;
  modelVersion?: string;
  responseId?: string;
  meta?: RunMeta;
  error?: AppErrorBody;
  /** Stopped because the page was reloaded or closed, not by the person's Stop. */
  stoppedByReload?: boolean;
}

/**
 * The server's events plus the one thing only the browser knows: the run was stopped — by the
 * person's Stop, or by leaving the page while it streamed (`reload`).
 */
export type RunAction = RunEvent | { type: "stop"; reload?: boolean };

export function initialRunState(): RunState {
  return { status: "streaming", parts: [], chunks: 0 };
}

export function runReducer(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case "meta":
      return { ...state, meta: { ...state.meta, ...action.data } };
    case "chunk":
      return state.status === "streaming" ? foldChunk(state, action.data) : state;
    case "error":
      // An error after Stop is the abort echoing back; the person already knows.
      return state.status === "stopped" ? state : { ...state, status: "error", error: action.data };
    case "done":
      return state.status === "streaming" ? { ...state, status: "done" } : state;
    case "stop":
      if (state.status !== "streaming") return state;
      return action.reload
        ? { ...state, status: "stopped", stoppedByReload: true }
        : { ...state, status: "stopped" };
  }
}

/** Fold several actions at once (the browser batches a frame's worth of events). */
export function foldRunActions(state: RunState, actions: readonly RunAction[]): RunState {
  let next = state;
  for (const action of actions) next = runReducer(next, action);
  return next;
}

function foldChunk(state: RunState, chunk: ChunkData): RunState {
  const next: RunState = { ...state, chunks: state.chunks + 1 };
  if (chunk.usageMetadata) next.usage = chunk.usageMetadata;
  if (chunk.modelVersion) next.modelVersion = chunk.modelVersion;
  if (chunk.responseId) next.responseId = chunk.responseId;

  const feedback = chunk.promptFeedback;
  if (feedback?.blockReason) next.blockReason = feedback.blockReason;
  if (feedback?.blockReasonMessage) next.blockReasonMessage = feedback.blockReasonMessage;
  if (feedback?.safetyRatings) next.promptSafetyRatings = widenRatings(feedback.safetyRatings);

  // Chat asks for one candidate; `index` is absent on some models, so take the first.
  const candidate = chunk.candidates?.[0];
  if (!candidate) return next;
  if (candidate.finishReason) next.finishReason = candidate.finishReason;
  if (candidate.finishMessage) next.finishMessage = candidate.finishMessage;
  if (candidate.safetyRatings) next.safetyRatings = widenRatings(candidate.safetyRatings);
  const grounding = mergeMetadata(state.groundingMetadata, candidate.groundingMetadata);
  if (grounding) next.groundingMetadata = grounding;
  const urlContext = mergeMetadata(state.urlContextMetadata, candidate.urlContextMetadata);
  if (urlContext) next.urlContextMetadata = urlContext;

  const wireParts: readonly WirePart[] = candidate.content?.parts ?? [];
  if (wireParts.length > 0) {
    let parts = state.parts;
    for (const wire of wireParts) parts = appendPart(parts, wire);
    next.parts = parts;
  }
  return next;
}

function widenRatings(
  ratings: readonly { category?: string; probability?: string; blocked?: boolean }[],
): RunSafetyRating[] {
  return ratings.map((r) => ({
    category: r.category ?? "HARM_CATEGORY_UNSPECIFIED",
    probability: r.probability,
    blocked: r.blocked,
  }));
}

/** Streamed deltas of one part are merged, by the signature rules of lib/wire/parts.ts. */
function appendPart(parts: RunPart[], wire: WirePart): RunPart[] {
  const part = fromWirePart(wire);
  if (!part) return parts;
  if (part.kind !== "text" && part.kind !== "thought") return [...parts, part];

  const last = parts[parts.length - 1];
  const sameKind = last !== undefined && last.kind === part.kind;
  if (sameKind && part.thoughtSignature === undefined) {
    return replaceLast(parts, { ...last, text: last.text + part.text });
  }
  if (part.text === "" && part.thoughtSignature === undefined) return parts;
  return [...parts, part];
}

function replaceLast(parts: RunPart[], part: RunPart): RunPart[] {
  const copy = parts.slice(0, -1);
  copy.push(part);
  return copy;
}

/** The answer's text, as a person would copy it: thoughts and tool traffic left out. */
export function answerText(parts: readonly RunPart[]): string {
  return parts
    .filter((p) => p.kind === "text")
    .map((p) => p.text)
    .join("");
}
