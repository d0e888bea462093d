import { createPlaygroundStore } from "@/lib/store/create-store";

/** localStorage as a Map, counting what is written, for the store's persistence. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  let writes = 0;
  const written: string[] = [];
  return {
    data,
    writes: () => writes,
    /** Keys written since the last call. */
    takeWritten: () => written.splice(0),
    storage: {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => {
        writes += 1;
        written.push(k);
        data.set(k, v);
      },
      removeItem: (k: string) => void data.delete(k),
    },
  };
}

/** A store of its own, saving to a storage of its own. */
export function newStore() {
  const { storage } = memoryStorage();
  return createPlaygroundStore({ storage: () => storage });
}
