"use client";

import { useMemo, useState } from "react";
import { usePerson } from "@/components/auth/person-context";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { LOCAL_NAME } from "@/lib/auth/person";
import { errorBody } from "@/lib/client/errors";
import { deleteSaved, listLibrary, undeleteSaved } from "@/lib/client/prompts-list";
import { useSearch } from "@/lib/hooks/use-search";
import type { LibraryEntry, LibraryQuery } from "@/lib/library/library-entry";

/**
 * The team's saved prompts: search as you type, filter by author, tag and model, newest change
 * first; a person deletes their own (restorable for 30 days under "Recently deleted").
 */
export function LibraryView({ initial }: { initial: LibraryEntry[] }) {
  const me = usePerson()?.name ?? LOCAL_NAME;
  const [query, setQuery] = useState<LibraryQuery>({});
  const [version, setVersion] = useState(0);
  const {
    results: entries,
    error,
    setError,
    loading,
  } = useSearch({
    query,
    initial,
    isEmpty: (q) => Object.values(q).every((value) => !value),
    load: (q, signal) => listLibrary(q, { signal }),
    failure: "The library could not be read.",
    refresh: version,
  });

  // The filters offer what the unfiltered library holds.
  const facets = useMemo(() => {
    const sorted = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
    return {
      authors: sorted(initial.map((e) => e.author)),
      tags: sorted(initial.flatMap((e) => e.tags)),
      models: sorted(initial.flatMap((e) => e.models)),
    };
  }, [initial]);

  const act = async (work: () => Promise<void>) => {
    try {
      await work();
      setVersion((v) => v + 1);
    } catch (failure) {
      setError(errorBody(failure, "That did not work.").message);
    }
  };

  const set = (patch: Partial<LibraryQuery>) => setQuery((q) => ({ ...q, ...patch }));

  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-4 px-4 py-6">
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          aria-label="Search prompts"
          placeholder="Search titles, descriptions and prompt text"
          value={query.text ?? ""}
          onChange={(e) => set({ text: e.target.value })}
          className="h-9 min-w-60 flex-1 rounded-lg border border-border bg-background px-3 text-sm"
        />
        <Filter
          label="Author"
          value={query.author}
          options={facets.authors}
          onChange={(author) => set({ author })}
        />
        <Filter
          label="Tag"
          value={query.tag}
          options={facets.tags}
          onChange={(tag) => set({ tag })}
        />
        <Filter
          label="Model"
          value={query.model}
          options={facets.models}
          onChange={(model) => set({ model })}
        />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={query.deleted ?? false}
            onChange={(e) => set({ deleted: e.target.checked })}
          />
          Recently deleted
        </label>
      </div>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {loading ? "Searching…" : entries.length === 1 ? "1 prompt" : `${entries.length} prompts`}
      </p>
      <ul aria-label="Prompts" className="flex flex-col gap-2">
        {entries.map((entry) => (
          <li
            key={entry.id}
            className="flex items-start gap-3 rounded-xl border border-border px-4 py-3"
          >
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              {entry.deletedAt === null ? (
                <a
                  href={`/p/${entry.id}`}
                  className="truncate font-medium text-primary hover:underline"
                >
                  {entry.title}
                </a>
              ) : (
                <span className="truncate font-medium">{entry.title}</span>
              )}
              {entry.description && (
                <p className="line-clamp-2 text-sm text-muted-foreground">{entry.description}</p>
              )}
              <p className="text-xs text-muted-foreground">
                {entry.kind === "compare" ? "Compare · " : ""}
                {entry.author} · revision {entry.latestRevision} · {when(entry.updatedAt)}
                {entry.models.length > 0 && ` · ${entry.models.join(", ")}`}
                {entry.forked && " · a copy"}
              </p>
              {entry.tags.length > 0 && (
                <div className="flex flex-wrap gap-1">
                  {entry.tags.map((tag) => (
                    <span key={tag} className="rounded-full bg-muted px-2 py-0.5 text-xs">
                      {tag}
                    </span>
                  ))}
                </div>
              )}
            </div>
            {entry.author === me &&
              (entry.deletedAt === null ? (
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Delete ${entry.title}`}
                  onClick={() => act(() => deleteSaved(entry.id))}
                >
                  Delete
                </Button>
              ) : (
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`Restore ${entry.title}`}
                  onClick={() => act(() => undeleteSaved(entry.id))}
                >
                  Restore
                </Button>
              ))}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Filter({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: string[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <Select
      aria-label={label}
      className="w-auto max-w-48"
      value={value ?? ""}
      onChange={(e) => onChange(e.target.value || undefined)}
    >
      <option value="">Any {label.toLowerCase()}</option>
      {options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </Select>
  );
}

const minute = 60_000;
function when(at: number): string {
  const ago = Date.now() - at;
  if (ago < minute) return "just now";
  if (ago < 60 * minute) return `${Math.round(ago / minute)} min ago`;
  if (ago < 24 * 60 * minute) return `${Math.round(ago / (60 * minute))} h ago`;
  return new Date(at).toLocaleDateString();
}
