import type { PersistStorage, StateStorage, StorageValue } from "zustand/middleware";

/**
 * Persist storage that writes at most every `delayMs`, and only when a persisted field changed.
 * zustand's persist writes after every `set`; during a stream that is dozens of sets a second,
 * each serializing the whole conversation, for state (runs) that isn't even persisted.
 */
export function createDraftStorage<S extends object>(
  backing: () => StateStorage | undefined,
  delayMs = 400,
): PersistStorage<S> {
  let last: StorageValue<S> | undefined;
  let pending: { name: string; value: StorageValue<S> } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const { name, value } = pending;
    pending = undefined;
    try {
      backing()?.setItem(name, JSON.stringify(value));
    } catch (error) {
      // Quota exceeded or storage disabled: the draft lives on in memory for this tab.
      console.warn("Could not save the draft in this browser.", error);
    }
  };

  if (typeof window !== "undefined") window.addEventListener("pagehide", flush);

  return {
    getItem: (name) => {
      const raw = backing()?.getItem(name);
      if (typeof raw !== "string") return null;
      try {
        last = JSON.parse(raw) as StorageValue<S>;
        return last;
      } catch {
        return null;
      }
    },
    setItem: (name, value) => {
      if (last && sameFields(last, value)) return;
      last = value;
      pending = { name, value };
      if (timer === undefined) timer = setTimeout(flush, delayMs);
    },
    removeItem: (name) => {
      pending = undefined;
      last = undefined;
      backing()?.removeItem(name);
    },
  };
}

function sameFields<S extends object>(a: StorageValue<S>, b: StorageValue<S>): boolean {
  if (a.version !== b.version) return false;
  const keys = Object.keys(b.state) as (keyof S)[];
  return (
    keys.length === Object.keys(a.state).length && keys.every((k) => a.state[k] === b.state[k])
  );
}

/** localStorage when there is one (not on the server, not in Node tests). */
export function browserStorage(): StateStorage | undefined {
  return typeof window === "undefined" ? undefined : window.localStorage;
}
