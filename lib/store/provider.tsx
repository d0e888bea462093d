"use client";

import { createContext, type ReactNode, useContext, useLayoutEffect, useState } from "react";
import { useStore } from "zustand";
import { createPlaygroundStore, type PlaygroundStore } from "./create-store";
import type { PageSeed } from "./library-slice";
import type { PlaygroundState } from "./types";

/**
 * One store per page, handed down by context rather than a module singleton, so a server render
 * never shares state between requests and a page can seed its own (a shared prompt, later).
 */
const PlaygroundContext = createContext<PlaygroundStore | null>(null);

export function PlaygroundStoreProvider({
  children,
  seed,
}: {
  children: ReactNode;
  /** What the page was opened on (a share link, a past run): it becomes the draft once read. */
  seed?: PageSeed;
}) {
  const [store] = useState(createPlaygroundStore);
  // Before the first paint, so a saved conversation appears at once and nobody can start
  // typing into a prompt box that is about to be restored.
  useLayoutEffect(() => {
    // Once: a later rehydrate (another tab's save adopted) is that tab's draft to show.
    let pending = seed;
    const unsubscribe = store.persist.onFinishHydration(() => {
      if (pending?.type === "saved") store.getState().openSaved(pending.view, pending.snapshot);
      if (pending?.type === "run") store.getState().openPastRun(pending.run);
      if (pending?.type === "background") store.getState().openBackgroundRun(pending.run);
      pending = undefined;
      store.setState({ hydrated: true });
    });
    void store.persist.rehydrate();
    return unsubscribe;
  }, [store, seed]);
  return <PlaygroundContext value={store}>{children}</PlaygroundContext>;
}

/**
 * Components under this read and write `store` instead of the page's: one compare column's
 * settings are the chat panel's controls, editing that column's document.
 */
export function PlaygroundStoreScope({
  store,
  children,
}: {
  store: PlaygroundStore;
  children: ReactNode;
}) {
  return <PlaygroundContext value={store}>{children}</PlaygroundContext>;
}

export function usePlaygroundApi(): PlaygroundStore {
  const store = useContext(PlaygroundContext);
  if (!store) throw new Error("usePlayground must be used inside <PlaygroundStoreProvider>.");
  return store;
}

/** Select narrowly: components re-render only when what they select changes. */
export function usePlayground<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(usePlaygroundApi(), selector);
}
