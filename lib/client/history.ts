import type { HistoryEntry } from "@/lib/history/history-entry";
import { type CallOptions, requestJson } from "./http";

/** The person's runs, newest first; `before` continues past the last one shown. */
export async function listHistory(
  text: string,
  before?: number,
  options: CallOptions = {},
): Promise<HistoryEntry[]> {
  const params = new URLSearchParams();
  if (text) params.set("q", text);
  if (before) params.set("before", String(before));
  const query = params.toString();
  const answer = await requestJson<{ runs: HistoryEntry[] }>(
    `/api/history${query ? `?${query}` : ""}`,
    options,
  );
  return answer.runs;
}
