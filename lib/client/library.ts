import type { CompareDoc } from "@/lib/compare/document";
import type { RunSnapshot } from "@/lib/library/run-snapshot";
import type { SavedPromptView } from "@/lib/library/saved-ref";
import type { PromptDoc } from "@/lib/prompt";
import { type CallOptions, requestJson } from "./http";

export interface SaveBody {
  id?: string;
  kind: "chat" | "compare";
  title: string;
  description: string;
  tags: string[];
  teamEditable?: boolean;
  document: PromptDoc | CompareDoc;
}

export interface SaveAnswer {
  id: string;
  revision: number;
  forked: boolean;
}

/** Save a draft: a new prompt, a revision of the one it came from, or a copy of someone's. */
export function savePrompt(body: SaveBody, options: CallOptions = {}): Promise<SaveAnswer> {
  return requestJson<SaveAnswer>("/api/prompts", {
    ...options,
    method: "POST",
    json: body,
    unreachableMessage:
      "The server could not be reached, so nothing was saved. Your draft is still here; try again.",
  });
}

export function getSavedPrompt(
  id: string,
  revision?: number,
  options: CallOptions = {},
): Promise<SavedPromptView> {
  const query = revision ? `?revision=${revision}` : "";
  return requestJson<SavedPromptView>(`/api/prompts/${encodeURIComponent(id)}${query}`, options);
}

/**
 * The link that opens a saved prompt: its latest revision, or pinned to one, and with a run's
 * results (which pin the revision they ran).
 */
export function promptLink(origin: string, id: string, revision?: number, run?: string): string {
  const params = new URLSearchParams();
  if (revision) params.set("revision", String(revision));
  if (run) params.set("run", run);
  const query = params.toString();
  return `${origin}/p/${encodeURIComponent(id)}${query ? `?${query}` : ""}`;
}

/** Keep a revision's run results on the server for a link; answers the snapshot's id. */
export async function shareRunResults(
  id: string,
  revision: number,
  results: RunSnapshot,
  options: CallOptions = {},
): Promise<string> {
  const answer = await requestJson<{ id: string }>(
    `/api/prompts/${encodeURIComponent(id)}/snapshots`,
    { ...options, method: "POST", json: { revision, results } },
  );
  return answer.id;
}

export interface RevisionSummary {
  number: number;
  author: string;
  createdAt: number;
  title: string;
}

export async function listRevisions(
  id: string,
  options: CallOptions = {},
): Promise<RevisionSummary[]> {
  const answer = await requestJson<{ revisions: RevisionSummary[] }>(
    `/api/prompts/${encodeURIComponent(id)}/revisions`,
    options,
  );
  return answer.revisions;
}

/** Save revision `number` again as the newest (or as the person's copy). */
export function restoreRevision(
  id: string,
  number: number,
  options: CallOptions = {},
): Promise<SaveAnswer> {
  return requestJson<SaveAnswer>(
    `/api/prompts/${encodeURIComponent(id)}/revisions/${number}/restore`,
    { ...options, method: "POST", json: {} },
  );
}
