import type { PromptDoc } from "@/lib/prompt";
import type { RunState } from "@/lib/run/reducer";

/** A run as the history lists it. */
export interface HistoryEntry {
  id: string;
  author: string;
  createdAt: number;
  durationMs: number;
  model: string;
  status: RunState["status"];
  /** The last thing the person asked, and the start of the answer. */
  prompt: string;
  answer: string;
  inputTokens: number;
  outputTokens: number;
  thinkingTokens: number;
}

/** A run whole: what was sent, and how it ended, to open again in the playground. */
export interface HistoryRun extends HistoryEntry {
  document: PromptDoc;
  result: KeptResult;
}

/** What is kept of a run's final state: what the answer shows, without the live counters. */
export type KeptResult = Omit<RunState, "chunks" | "meta">;
