import {
  type LibraryEntry,
  type LibraryQuery,
  libraryQueryParams,
} from "@/lib/library/library-entry";
import { type CallOptions, requestJson } from "./http";

export async function listLibrary(
  query: LibraryQuery,
  options: CallOptions = {},
): Promise<LibraryEntry[]> {
  const params = libraryQueryParams(query).toString();
  const answer = await requestJson<{ prompts: LibraryEntry[] }>(
    `/api/prompts${params ? `?${params}` : ""}`,
    options,
  );
  return answer.prompts;
}

export async function deleteSaved(id: string, options: CallOptions = {}): Promise<void> {
  await requestJson(`/api/prompts/${encodeURIComponent(id)}`, { ...options, method: "DELETE" });
}

export async function undeleteSaved(id: string, options: CallOptions = {}): Promise<void> {
  await requestJson(`/api/prompts/${encodeURIComponent(id)}/undelete`, {
    ...options,
    method: "POST",
    json: {},
  });
}
