/** A prompt as the library lists it: what a person picks it by, not its document. */
export interface LibraryEntry {
  id: string;
  kind: "chat" | "compare";
  title: string;
  description: string;
  tags: string[];
  author: string;
  models: string[];
  latestRevision: number;
  updatedAt: number;
  /** When it was deleted (only in the list of one's own deleted prompts). */
  deletedAt: number | null;
  forked: boolean;
}

/** The library's filters; all optional. */
export interface LibraryQuery {
  /** Words that must each appear in the title, description, tags or prompt text. */
  text?: string;
  author?: string;
  tag?: string;
  model?: string;
  /** The person's own deleted prompts that can still be restored, instead of the live ones. */
  deleted?: boolean;
}

/** The query from a URL's search parameters (the page's and the API's). */
export function readLibraryQuery(params: URLSearchParams): LibraryQuery {
  const value = (key: string) => params.get(key)?.trim().slice(0, 200) || undefined;
  return {
    text: value("q"),
    author: value("author"),
    tag: value("tag"),
    model: value("model"),
    deleted: params.get("deleted") === "1",
  };
}

/** The same query as search parameters. */
export function libraryQueryParams(query: LibraryQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.text) params.set("q", query.text);
  if (query.author) params.set("author", query.author);
  if (query.tag) params.set("tag", query.tag);
  if (query.model) params.set("model", query.model);
  if (query.deleted) params.set("deleted", "1");
  return params;
}
