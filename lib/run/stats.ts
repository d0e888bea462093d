import { estimateCost } from "@/lib/pricing";
import { API_LABELS } from "@/lib/wire/api";
import type { RunState } from "./reducer";

/** When things happened, in epoch ms as this browser saw them. */
export interface RunTimings {
  startedAt: number;
  firstChunkAt?: number;
  endedAt?: number;
}

export interface RunStats {
  /** Time to first token as the browser measured it (request sent → first chunk read). */
  ttftMs?: number;
  totalMs?: number;
  /** The server's view of the same (it excludes the browser ⇄ server hop). */
  serverTtftMs?: number;
  serverTotalMs?: number;
  inputTokens?: number;
  outputTokens?: number;
  thinkingTokens?: number;
  /** Output and thinking tokens over the whole run time. */
  tokensPerSecond?: number;
  finishReason?: string;
  modelVersion?: string;
  /** The door the run went through, by name ("OpenAI compatibility"). */
  api?: string;
  /** Estimated from list prices; null when the model's price is unknown. */
  costUsd: number | null;
}

/** The figures under an answer. `model` is the id the run asked for (what is billed). */
export function runStats(state: RunState, timings: RunTimings, model: string): RunStats {
  const usage = state.usage;
  const ttftMs =
    timings.firstChunkAt !== undefined ? timings.firstChunkAt - timings.startedAt : undefined;
  const totalMs = timings.endedAt !== undefined ? timings.endedAt - timings.startedAt : undefined;
  const server = state.meta?.timing;
  const generated = (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0);
  const seconds = (server?.totalMs ?? totalMs ?? 0) / 1000;
  return {
    ttftMs,
    totalMs,
    serverTtftMs: server?.firstChunkMs ?? undefined,
    serverTotalMs: server?.totalMs,
    inputTokens: usage?.promptTokenCount,
    outputTokens: usage?.candidatesTokenCount,
    thinkingTokens: usage?.thoughtsTokenCount,
    tokensPerSecond: generated > 0 && seconds > 0 ? generated / seconds : undefined,
    finishReason: state.finishReason,
    modelVersion: state.modelVersion,
    api: state.meta?.api ? API_LABELS[state.meta.api] : undefined,
    costUsd: estimateCost(model, usage),
  };
}
