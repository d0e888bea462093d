"use client";

import { useEffect, useState } from "react";
import { errorBody } from "@/lib/client/errors";

const SEARCH_DELAY_MS = 150;

/**
 * Results that follow a query as the person types: each change waits a moment, then asks the
 * server, and a newer query cancels the older request. The page's server-rendered `initial`
 * stands for the empty query, so opening the page asks nothing twice; `refresh` asks again after
 * a change the query does not show (a delete).
 */
export function useSearch<Q, T>(options: {
  query: Q;
  initial: T[];
  isEmpty: (query: Q) => boolean;
  load: (query: Q, signal: AbortSignal) => Promise<T[]>;
  /** What failed, in the page's words: "The library could not be read." */
  failure: string;
  refresh?: number;
}) {
  const { query, initial, isEmpty, load, failure, refresh = 0 } = options;
  const [results, setResults] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const empty = isEmpty(query);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` and `isEmpty` are the page's own functions, new each render; the query and the refresh count are what ask again
  useEffect(() => {
    if (empty && refresh === 0) {
      setResults(initial);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        setResults(await load(query, controller.signal));
        setError(null);
      } catch (thrown) {
        if (!controller.signal.aborted) setError(errorBody(thrown, failure).message);
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, refresh, initial, empty, failure]);

  return { results, setResults, error, setError, loading };
}
