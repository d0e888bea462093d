"use client";

import { useState } from "react";
import { SubpageHeader } from "@/components/library/subpage-header";
import { Button } from "@/components/ui/button";
import { HistoryIcon } from "@/components/ui/icons";
import type { BackgroundRunSummary } from "@/lib/background/summary";
import { errorBody } from "@/lib/client/errors";
import { listHistory } from "@/lib/client/history";
import type { HistoryEntry } from "@/lib/history/history-entry";
import { useSearch } from "@/lib/hooks/use-search";
import type { Theme } from "@/lib/theme";

const STATUS: Record<HistoryEntry["status"], string> = {
  done: "",
  streaming: "",
  error: "Failed",
  stopped: "Stopped",
};

/** Every run the person made, newest first; search as you type, open one to go on from it. */
export function HistoryPage({
  theme,
  initial,
  running = [],
}: {
  theme: Theme;
  initial: HistoryEntry[];
  /** Background runs still going on, to open again from here. */
  running?: BackgroundRunSummary[];
}) {
  const [text, setText] = useState("");
  const {
    results: runs,
    setResults: setRuns,
    error,
    setError,
  } = useSearch({
    query: text,
    initial,
    isEmpty: (q) => q === "",
    load: (q, signal) => listHistory(q, undefined, { signal }),
    failure: "The history could not be read.",
  });
  // A full page of runs may have more behind it.
  const more = runs.length > 0 && runs.length % 100 === 0;

  const loadMore = async () => {
    try {
      const next = await listHistory(text, runs.at(-1)?.createdAt);
      setRuns((shown) => [...shown, ...next]);
    } catch (failure) {
      setError(errorBody(failure, "The history could not be read.").message);
    }
  };

  return (
    <div className="flex min-h-dvh flex-col">
      <SubpageHeader
        icon={<HistoryIcon className="size-5 shrink-0 text-primary" />}
        title="History"
        theme={theme}
      />
      <main className="mx-auto flex w-full max-w-4xl flex-col gap-4 px-4 py-6">
        {running.length > 0 && (
          <section aria-labelledby="running-heading" className="flex flex-col gap-2">
            <h2 id="running-heading" className="text-sm font-semibold">
              Running in the background
            </h2>
            <ul aria-label="Running in the background" className="flex flex-col gap-2">
              {running.map((run) => (
                <li key={run.id} className="rounded-xl border border-primary/40 px-4 py-3">
                  <a href={`/background/${run.id}`} className="flex flex-col gap-1">
                    <span className="line-clamp-2 text-sm font-medium text-primary">
                      {run.prompt || "(no text)"}
                    </span>
                    <span className="text-xs text-muted-foreground">
                      Started {new Date(run.createdAt).toLocaleString()} · {run.model} · open it to
                      follow it or stop it
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
        <input
          type="search"
          aria-label="Search history"
          placeholder="Search what you asked, the answers and the models"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="h-9 rounded-lg border border-border bg-background px-3 text-sm"
        />
        {error && (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        )}
        {runs.length === 0 && (
          <p className="text-sm text-muted-foreground">
            {text
              ? "No run matches."
              : running.length
                ? "No finished runs yet: each is kept here once it ends."
                : "No runs yet: every run you make is kept here."}
          </p>
        )}
        <ol aria-label="Runs" className="flex flex-col gap-2">
          {runs.map((run) => (
            <li key={run.id} className="rounded-xl border border-border px-4 py-3">
              <a
                href={`/history/${run.id}`}
                className="flex flex-col gap-1 hover:underline-offset-2"
              >
                <span className="line-clamp-2 text-sm font-medium text-primary">
                  {run.prompt || "(no text)"}
                </span>
                <span className="line-clamp-2 text-sm text-muted-foreground">{run.answer}</span>
                <span className="text-xs text-muted-foreground">
                  {new Date(run.createdAt).toLocaleString()} · {run.model} ·{" "}
                  {run.inputTokens.toLocaleString()} in / {run.outputTokens.toLocaleString()} out
                  {STATUS[run.status] && ` · ${STATUS[run.status]}`}
                </span>
              </a>
            </li>
          ))}
        </ol>
        {more && (
          <Button variant="secondary" onClick={loadMore} className="self-center">
            Show older runs
          </Button>
        )}
      </main>
    </div>
  );
}
